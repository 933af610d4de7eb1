package de.kim.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A real OpenID Connect provider for the embedded platform. Two ways in:
 * <ul>
 *   <li>the web front end signs users in with the authorisation code flow and PKCE (client
 *       {@code kim-web});</li>
 *   <li>a script takes a token for a demo user with the client-credentials grant, the user
 *       name as client id and the demo password as secret (OAuth 2.1 has no password grant;
 *       Keycloak in the production shape offers it for the same script).</li>
 * </ul>
 * Every access token names the user, their tenant, their roles and, for partner staff, their
 * partner: the claims each service reads; its audience includes {@value #AUDIENCE}. Signing out
 * of the web front end ends the session here too (OpenID Connect RP-initiated logout at
 * {@code /connect/logout}, then back to the front end's page {@value #SIGNED_OUT_PAGE}).
 */
@Configuration
public class AuthorizationServerConfiguration {

    /** The audience of every access token: the platform's services and its gateway. */
    public static final String AUDIENCE = "kim-platform";
    /** The web front end's page that says the user is signed out. */
    static final String SIGNED_OUT_PAGE = "/abgemeldet";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    @Order(1)
    public SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        return http
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(oidc -> oidc.logoutEndpoint(Customizer.withDefaults())))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService users(DemoUsers demo, PasswordEncoder encoder) {
        if (demo.users().isEmpty()) {
            log.warn("No users: the demo users are off (kim.auth.demo-users, KIM_AUTH_DEMO_USERS), so nobody can sign in"
                    + " here. This embedded sign-in is for the local demo; a real deployment signs in through Keycloak.");
        } else {
            log.info("{} demo users with the demo password (kim.auth.demo-users is on): for the local demo only",
                    demo.users().size());
        }
        return new InMemoryUserDetailsManager(demo.users().stream()
                .map(user -> User.withUsername(user.username()).password(encoder.encode(demo.password()))
                        .authorities(user.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    public RegisteredClientRepository clients(DemoUsers demo, PasswordEncoder encoder,
                                              @Value("${kim.auth.web-redirect-uri}") String webRedirectUri,
                                              @Value("${kim.auth.web-secret}") String webSecret,
                                              @Value("${kim.auth.web-post-logout-redirect-uri}") String webPostLogoutUri) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(RegisteredClient.withId("kim-web").clientId("kim-web")
                .clientSecret(encoder.encode(webSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(webRedirectUri)
                .postLogoutRedirectUri(webPostLogoutUri.isBlank()
                        ? URI.create(webRedirectUri).resolve(SIGNED_OUT_PAGE).toString() : webPostLogoutUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build());
        for (DemoUsers.User user : demo.users()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(user.username().getBytes()).toString())
                    .clientId(user.username())
                    .clientSecret(encoder.encode(demo.password()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The platform's claims, in access tokens and ID tokens alike; every access token is also
     * meant for the platform (audience {@value #AUDIENCE}), which each service and the gateway check.
     */
    @Bean
    public OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(DemoUsers demo) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claims(claims -> claims.put(JwtClaimNames.AUD, withPlatform(claims.get(JwtClaimNames.AUD))));
            }
            userClaims(demo, context);
        };
    }

    private static List<String> withPlatform(Object audience) {
        Set<String> all = new LinkedHashSet<>();
        if (audience instanceof Collection<?> several) {
            several.forEach(one -> all.add(String.valueOf(one)));
        } else if (audience != null) {
            all.add(String.valueOf(audience));
        }
        all.add(AUDIENCE);
        return List.copyOf(all);
    }

    private static void userClaims(DemoUsers demo, JwtEncodingContext context) {
        demo.find(context.getPrincipal().getName()).ifPresent(user -> context.getClaims()
                .claim("preferred_username", user.username())
                .claim("name", user.name())
                .claim("tenant", user.tenant())
                .claim("roles", user.roles())
                .claims(claims -> {
                    if (user.partnerId() != null) {
                        claims.put("partner_id", user.partnerId());
                    }
                }));
    }

    @Bean
    public JWKSource<SecurityContext> jwkSource(@Value("${kim.auth.signing-key}") Path keyFile) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(keyFile)));
    }

    @Bean
    public AuthorizationServerSettings authorizationServerSettings(@Value("${kim.auth.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
