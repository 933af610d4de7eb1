package de.kim.platform.web;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.TenantId;
import de.kim.platform.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.Set;

/**
 * Tells who acts in the current request: read from the signed-in user's token, which the
 * resource server has already validated (signature, issuer, expiry, a served tenant).
 */
public class RequestActorResolver {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLES_CLAIM = RolesClaim.NAME;
    public static final String PARTNER_CLAIM = "partner_id";
    public static final String USERNAME_CLAIM = "preferred_username";

    /** The actor of the request this thread serves, if a signed-in user sent it. */
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** The actor of the request; only called where the security rules demand a signed-in user. */
    public Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user in this request"));
    }

    public static Actor of(Jwt token) {
        String user = token.hasClaim(USERNAME_CLAIM) ? token.getClaimAsString(USERNAME_CLAIM) : token.getSubject();
        return new Actor(new TenantId(token.getClaimAsString(TENANT_CLAIM)), user, roles(token),
                Optional.ofNullable(token.getClaimAsString(PARTNER_CLAIM)).filter(id -> !id.isBlank()));
    }

    /** The token's roles, read by {@link RolesClaim}: a claim it cannot read grants nothing. */
    public static Set<Role> roles(Jwt token) {
        return RolesClaim.of(token.getClaims());
    }
}
