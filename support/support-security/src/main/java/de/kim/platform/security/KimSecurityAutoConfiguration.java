package de.kim.platform.security;

import de.kim.platform.domain.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Every service is an OAuth 2.0 resource server: a request needs a valid JWT of the platform's
 * issuer, made for the platform's audience, naming a served tenant, and a role its
 * {@link AccessRules} allow ({@link de.kim.platform.web.RolesClaim}: a claim that cannot be read grants none). Only
 * health, error pages and, unless {@code kim.security.public-api-docs} is false (the production
 * shape), the OpenAPI documents answer without one; with it false, any valid token may read
 * them. No session, no cookie, no CSRF token: the bearer token is the whole credential.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
public class KimSecurityAutoConfiguration {

    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/error"};
    static final String[] API_DOC_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * Keys from the issuer's JWK set (rotated keys are fetched when an unknown key id shows
     * up), or one fixed public key ({@code kim.security.jwt.public-key}, X.509 PEM) for tests.
     */
    @Bean
    public JwtDecoder jwtDecoder(@Value("${kim.security.jwt.issuer}") String issuer,
                                 @Value("${kim.security.jwt.jwk-set-uri:}") String jwkSetUri,
                                 @Value("${kim.security.jwt.public-key:}") String publicKey,
                                 @Value("${kim.security.jwt.audience}") String audience,
                                 TenantDirectory tenants) {
        NimbusJwtDecoder decoder = publicKey.isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withPublicKey(rsaPublicKey(publicKey)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), audienceOf(audience), new TokenValidation(tenants)));
        // The validators' clock, not the domain's: a test may set the domain's clock to another day.
        return new CachingJwtDecoder(decoder, Clock.systemUTC());
    }

    /** Spring's firewall with its rules unchanged, but header checks without a regex per read ({@link HeaderCharacters}). */
    @Bean
    public WebSecurityCustomizer kimFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowed);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowed);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * Every command names its actor (from the HTTP request, or set by the platform's own
     * principal that sends it), and no handler runs for an actor without a role or a grant.
     */
    @Bean
    public SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus, RequestActorResolver resolver,
                                                         ObjectProvider<ServiceGrants> grants) {
        ServiceGrants all = grants.orderedStream().reduce(ServiceGrants.builder(), ServiceGrants::merge);
        return () -> {
            commandBus.registerDispatchInterceptor(new ActorMetaDataInterceptor(resolver));
            commandBus.registerHandlerInterceptor(new CommandAuthority(all));
        };
    }

    @Bean
    public SecurityFilterChain kimSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> rules,
                                                      MessageSource messages, ObjectMapper json,
                                                      @Value("${kim.security.public-api-docs:true}") boolean publicApiDocs)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(messages, json);
        // The URL rules see exactly the roles the acting user has: one reading of the claim.
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> RequestActorResolver.roles(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.name())).toList());
        return http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(PUBLIC_PATHS).permitAll();
                    if (publicApiDocs) {
                        authorize.requestMatchers(API_DOC_PATHS).permitAll();
                    } else {
                        authorize.requestMatchers(API_DOC_PATHS).authenticated();
                    }
                    // A client's self-disclosure, gathered by case management with the case manager's token:
                    // each service's entries about the records named (AuditController#disclosure).
                    authorize.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/audit/*/disclosure")
                            .hasAnyAuthority(Role.CASE_MANAGER.name(), Role.CASE_MANAGEMENT_LEAD.name(),
                                    Role.ADMINISTRATOR.name());
                    rules.ifAvailable(declared -> declared.applyTo(authorize));
                    authorize.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    /**
     * A token is for the platform only if its {@code aud} names the platform's audience: a token
     * the same issuer made for another application is refused.
     */
    public static OAuth2TokenValidator<Jwt> audienceOf(String audience) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                named -> named != null && named.contains(audience));
    }

    private static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("kim.security.jwt.public-key is not an RSA public key in PEM", e);
        }
    }
}
