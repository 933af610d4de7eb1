package de.kim.platform.domain;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who sends a command, and for which tenant. Carried as Axon metadata on every command and,
 * through correlation, on every event it causes.
 */
public record Actor(TenantId tenant, String userId) {

    public static final String TENANT = "tenant";
    public static final String USER = "actor";

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public Actor {
        if (tenant == null) {
            throw new IllegalArgumentException("an actor acts for a tenant");
        }
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidInputException("actor", "kim.actor.invalid");
        }
    }

    public Map<String, String> asMetaData() {
        return Map.of(TENANT, tenant.value(), USER, userId);
    }
}
