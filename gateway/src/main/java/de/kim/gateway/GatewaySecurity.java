package de.kim.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The gateway signs nobody in; it lets through to the APIs only requests with a valid token
 * of the platform's issuer made for the platform's audience (the services check roles, tenants and data themselves) and relays
 * the token unchanged. Every other path is the web front end, which signs its users in itself.
 * The gateway alone answers browsers' CORS questions and sets the security headers.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurity {

    @Bean
    public ReactiveJwtDecoder jwtDecoder(@Value("${kim.security.jwt.issuer}") String issuer,
                                         @Value("${kim.security.jwt.jwk-set-uri}") String jwkSetUri,
                                         @Value("${kim.security.jwt.audience}") String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, named -> named != null && named.contains(audience))));
        return new CachingReactiveJwtDecoder(decoder, Clock.systemUTC());
    }

    /**
     * No observation of each security filter: no metrics endpoint is exposed (as for the routes, see
     * application.yml), and wrapping every filter of every request cost CPU on the hot path.
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http,
                                                       @Value("${kim.security.public-api-docs:true}") boolean publicApiDocs) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // Stateless: every API request carries its token. No session is looked up or made for a
                // request (the defaults read the security context and a saved request from one each time).
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Signing out is the web front end's (it ends its session and the provider's); the gateway's
                // own default logout would answer /logout itself and send the browser to a page nobody serves.
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .authorizeExchange(exchange -> {
                    exchange.pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    // The services' OpenAPI documents: public in the local demo, a valid token in production.
                    if (publicApiDocs) {
                        exchange.pathMatchers("/v3/api-docs/**").permitAll();
                    } else {
                        exchange.pathMatchers("/v3/api-docs/**").authenticated();
                    }
                    exchange.pathMatchers("/api/**").authenticated()
                            // The web front end's pages: it signs its users in itself (OpenID Connect, session).
                            .anyExchange().permitAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(GatewaySecurity::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, Problems.Kind.FORBIDDEN)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(GatewaySecurity::unauthorized)
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, Problems.Kind.FORBIDDEN)))
                .build();
    }

    /** 401 with the challenge RFC 6750 asks for: {@code invalid_token} when a token came and was refused. */
    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                failure instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problems.write(exchange, Problems.Kind.UNAUTHORIZED);
    }

    /** Browsers may call the APIs only from the platform's own front-end origins. */
    @Bean
    public CorsConfigurationSource corsConfigurationSource(@Value("${kim.gateway.cors.allowed-origins}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Accept-Language"));
        cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
