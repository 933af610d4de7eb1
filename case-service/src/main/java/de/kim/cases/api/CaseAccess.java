package de.kim.cases.api;

import de.kim.platform.domain.Actor;
import de.kim.platform.security.Role;

/**
 * Who works which case of their tenant: the case management lead every case, a plain case
 * manager the cases assigned or handed to them. The platform itself (an event relayed from
 * another service, which names no role) acts on the case its event concerns.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean mayWork(Actor actor, String assignee) {
        if (actor.roles().isEmpty() || actor.has(Role.CASE_MANAGEMENT_LEAD)) {
            return true;
        }
        return actor.has(Role.CASE_MANAGER) && actor.userId().equals(assignee);
    }
}
