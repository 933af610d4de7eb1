package de.kim.cases.api;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.Role;

/**
 * Who works which case of their tenant: the case management lead every case, a plain case
 * manager the cases assigned or handed to them. One of the platform's own principals (an event
 * relayed from another service, a scheduled job) acts on the case its work concerns, with only
 * the commands it is granted; an actor without a role works no case.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean mayWork(Actor actor, String assignee) {
        if (actor.isService() || actor.has(Role.CASE_MANAGEMENT_LEAD)) {
            return true;
        }
        return actor.has(Role.CASE_MANAGER) && actor.userId().equals(assignee);
    }
}
