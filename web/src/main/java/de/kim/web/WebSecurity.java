package de.kim.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing in is the platform's OpenID Connect provider's business: the authorisation code
 * flow with PKCE, then a session cookie (HttpOnly, SameSite=Lax, Secure behind TLS) for this
 * front end, and the user's access token (refreshed when it runs out) for every API call.
 * Forms carry CSRF tokens.
 *
 * <p>Signing out ({@value #SIGN_OUT}, a POST with the CSRF token) ends this front end's session,
 * then sends the browser to the provider's end-session endpoint (OpenID Connect RP-initiated
 * logout, with the ID token as hint), which ends the provider's session too and sends the
 * browser back to {@value #SIGNED_OUT}. Without the provider's session ended, "Anmelden" on a
 * shared office PC would sign the next person in as the last one. The path is not
 * {@code /logout}: the gateway in front of this front end is a Spring Security application
 * too and would answer that path itself.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class WebSecurity {

    static final String SIGN_OUT = "/abmelden";
    static final String SIGNED_OUT = "/abgemeldet";

    @Bean
    public SecurityFilterChain webChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        // A provider without an end-session endpoint: at least this front end's session is over.
        signedOut.setDefaultTargetUrl(SIGNED_OUT);
        return http
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/css/**", "/favicon.svg", "/actuator/health", "/actuator/health/**", "/error", SIGNED_OUT).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce)))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessHandler(signedOut).permitAll())
                .build();
    }

    /**
     * The provider as configured under {@code spring.security.oauth2.client}, plus its
     * end-session endpoint: the endpoints are configured one by one (no discovery at start-up,
     * as the browser and this service reach the provider at different addresses), and Spring
     * Boot has no property for that one. It is the {@code end_session_endpoint} of the
     * provider's discovery document as the browser reaches it.
     */
    @Bean
    public ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties,
                                                            @Value("${kim.oidc.end-session-uri}") String endSession) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
                .values().stream()
                .map(registration -> {
                    Map<String, Object> metadata =
                            new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
                    metadata.putIfAbsent("end_session_endpoint", endSession);
                    return ClientRegistration.withClientRegistration(registration)
                            .providerConfigurationMetadata(metadata).build();
                })
                .toList();
        return new InMemoryClientRegistrationRepository(registrations);
    }

    @Bean
    public OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
                                                           OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
