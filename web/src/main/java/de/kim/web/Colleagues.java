package de.kim.web;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colleagues by name: those in case management from case-service's {@code /api/staff}, the immigration
 * office's officers from its {@code /api/officers}. The pages name a case manager or an officer by the
 * name they sign in with, not by user id, and offer the colleagues by name where a case or a record is
 * assigned or handed over. Who has not signed in since the service learns names is shown by user id,
 * and cannot be chosen yet.
 */
@Component
public class Colleagues {

    private final Api api;

    public Colleagues(Api api) {
        this.api = api;
    }

    /** The tenant's case managers and leads known to case-service, by name. */
    public Known caseManagement() {
        return known("/api/staff");
    }

    /** The tenant's officers known to the immigration office's service, by name. */
    public Known officers() {
        return known("/api/officers");
    }

    private Known known(String path) {
        List<?> members = api.all(path);
        Map<Object, Object> byUser = new HashMap<>();
        for (Object item : members) {
            if (item instanceof Map<?, ?> colleague) {
                byUser.put(colleague.get("userId"), colleague.get("name"));
            }
        }
        return new Known(members, byUser);
    }

    /**
     * For a template: the colleagues to choose from ({@code userId}, {@code name}, {@code roles}) and
     * their names by user id ({@code ${staff.of(c.assignee)}}).
     */
    public record Known(List<?> members, Map<Object, Object> byUser) {

        /** The colleagues to choose from but the one named: a case or record goes to someone else. */
        public List<?> others(Object userId) {
            return members.stream().filter(member -> !(member instanceof Map<?, ?> fields
                    && java.util.Objects.equals(fields.get("userId"), userId))).toList();
        }

        /** The colleague's name, or their user id while it is not known; nothing for nobody. */
        public String of(Object userId) {
            if (userId == null) {
                return "";
            }
            Object name = byUser.get(userId);
            return name == null ? userId.toString() : name.toString();
        }
    }
}
