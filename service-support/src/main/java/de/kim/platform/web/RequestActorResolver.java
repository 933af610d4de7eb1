package de.kim.platform.web;

import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * Tells who acts in the current HTTP request: the tenant and the user. Until sign-in with
 * OpenID Connect is in place they come from the headers {@code X-Kim-Tenant} and
 * {@code X-Kim-User}, with configured defaults for local use.
 */
public class RequestActorResolver {

    public static final String TENANT_HEADER = "X-Kim-Tenant";
    public static final String USER_HEADER = "X-Kim-User";

    private final TenantDirectory tenants;
    private final String defaultTenant;
    private final String defaultUser;

    public RequestActorResolver(TenantDirectory tenants, String defaultTenant, String defaultUser) {
        this.tenants = tenants;
        this.defaultTenant = defaultTenant;
        this.defaultUser = defaultUser;
    }

    /** The actor of the HTTP request this thread serves, if it serves one. */
    public Optional<Actor> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        return Optional.of(resolve(attributes.getRequest()));
    }

    public Actor resolve(HttpServletRequest request) {
        TenantId tenant = new TenantId(headerOr(request, TENANT_HEADER, defaultTenant));
        tenants.require(tenant);
        return new Actor(tenant, headerOr(request, USER_HEADER, defaultUser));
    }

    private static String headerOr(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
