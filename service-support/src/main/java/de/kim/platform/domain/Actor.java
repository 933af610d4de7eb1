package de.kim.platform.domain;

import de.kim.platform.security.Role;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who acts, for which tenant, in which roles; partner staff also name their partner. Tenant
 * and user are carried as Axon metadata on every command and, through correlation, on every
 * event it causes.
 */
public record Actor(TenantId tenant, String userId, Set<Role> roles, Optional<String> partnerId) {

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
        roles = Set.copyOf(roles);
        partnerId = partnerId == null ? Optional.empty() : partnerId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Map<String, String> asMetaData() {
        return Map.of(TENANT, tenant.value(), USER, userId);
    }
}
