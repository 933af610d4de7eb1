package de.kim.platform.domain;


import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who acts, for which tenant, in which roles; partner staff also name their partner. Tenant
 * and user are carried as Axon metadata on every command and, through correlation, on every
 * event it causes. A command the platform sends itself (an event relayed from another service,
 * a scheduled job) names a service principal ({@code service}) instead of roles: it may send
 * only the commands its {@code ServiceGrants} (support-security) name. An actor with
 * neither roles nor a service principal may do nothing.
 */
public record Actor(TenantId tenant, String userId, Set<Role> roles, Optional<String> partnerId,
                    Optional<String> service) {

    public static final String TENANT = "tenant";
    public static final String USER = "actor";
    public static final String ROLES = "roles";
    public static final String PARTNER = "partner";
    public static final String SERVICE = "service";
    /**
     * On an event: the service principal whose command made it ({@code service} of that command), so that
     * a history can say what the service did. A key of its own, never read as an authority: an event
     * handler's command does not inherit the principal of the event it handles.
     */
    public static final String VIA_SERVICE = "viaService";

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
        service = service == null ? Optional.empty() : service.filter(name -> !name.isBlank());
        if (service.isPresent() && !roles.isEmpty()) {
            throw new IllegalArgumentException("a service principal has grants, not roles");
        }
    }

    /** A signed-in person. */
    public Actor(TenantId tenant, String userId, Set<Role> roles, Optional<String> partnerId) {
        this(tenant, userId, roles, partnerId, Optional.empty());
    }

    /**
     * The platform's service principal {@code service}, acting in the tenant on behalf of
     * {@code userId} (who caused it, as the relayed event names them, for the history).
     */
    public static Actor servicePrincipal(TenantId tenant, String userId, String service) {
        return new Actor(tenant, userId, Set.of(), Optional.empty(), Optional.of(service));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isService() {
        return service.isPresent();
    }

    /** Tenant, user, roles, partner and service principal as Axon metadata; events keep only tenant and user. */
    public Map<String, String> asMetaData() {
        return Map.of(TENANT, tenant.value(), USER, userId,
                ROLES, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                PARTNER, partnerId.orElse(""), SERVICE, service.orElse(""));
    }

    /** The actor a message names in its metadata. */
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
        Object service = metaData.get(SERVICE);
        return Optional.of(new Actor(new TenantId(tenant.toString()), user.toString(), parsed,
                Optional.ofNullable(partner).map(Object::toString).filter(p -> !p.isBlank()),
                Optional.ofNullable(service).map(Object::toString).filter(p -> !p.isBlank())));
    }
}
