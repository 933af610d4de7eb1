package de.kim.platform.domain;

import de.kim.platform.security.Role;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who acts, for which tenant, in which roles; partner staff also name their partner. Tenant
 * and user are carried as Axon metadata on every command and, through correlation, on every
 * event it causes.
 */
public record Actor(TenantId tenant, String userId, Set<Role> roles, Optional<String> partnerId) {

    public static final String TENANT = "tenant";
    public static final String USER = "actor";
    public static final String ROLES = "roles";
    public static final String PARTNER = "partner";

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

    /** Tenant, user, roles and partner as Axon metadata; events keep only tenant and user. */
    public Map<String, String> asMetaData() {
        return Map.of(TENANT, tenant.value(), USER, userId,
                ROLES, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                PARTNER, partnerId.orElse(""));
    }

    /** The actor a message names in its metadata; one without roles is the platform itself (a relayed event). */
    public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
        Object tenant = metaData.get(TENANT);
        Object user = metaData.get(USER);
        if (tenant == null || user == null) {
            return Optional.empty();
        }
        Object roles = metaData.get(ROLES);
        Set<Role> parsed = roles == null ? Set.of() : Arrays.stream(roles.toString().split(","))
                .map(Role::of).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
        Object partner = metaData.get(PARTNER);
        return Optional.of(new Actor(new TenantId(tenant.toString()), user.toString(), parsed,
                Optional.ofNullable(partner).map(Object::toString).filter(p -> !p.isBlank())));
    }
}
