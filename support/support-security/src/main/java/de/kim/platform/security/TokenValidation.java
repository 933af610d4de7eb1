package de.kim.platform.security;

import de.kim.platform.config.TenantDirectory;
import de.kim.platform.web.RequestActorResolver;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Beyond signature, issuer and expiry: a token must name a tenant this installation serves
 * and a user id of the platform's form; otherwise it is as good as no token.
 */
final class TokenValidation implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error INVALID = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token does not name a tenant and user of this installation", null);

    private final TenantDirectory tenants;

    TokenValidation(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        try {
            tenants.require(RequestActorResolver.of(token).tenant());
            return OAuth2TokenValidatorResult.success();
        } catch (RuntimeException e) {
            return OAuth2TokenValidatorResult.failure(INVALID);
        }
    }
}
