package de.kim.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.domain.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs tokens for a service's tests with a key pair made for this JVM; the service under
 * test trusts that key's public half and this issuer. Integration tests of the whole platform
 * take real tokens from the auth-server instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.kim.invalid";
    /** The audience the services and the gateway accept (their default, {@code kim-platform}). */
    public static final String AUDIENCE = "kim-platform";
    public static final String TENANT = "kreis-mettmann";
    public static final String OTHER_TENANT = "kreis-musterland";
    private static final KeyPair KEYS = rsaKeyPair();

    private TestTokens() {
    }

    /** The embedded infrastructure and this issuer, for a test's {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedInfra.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registerIssuer(registry);
    }

    /** Only this issuer and its key, for tests that bring stores of their own. */
    public static void registerIssuer(DynamicPropertyRegistry registry) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        registry.add("kim.security.jwt.issuer", () -> ISSUER);
        registry.add("kim.security.jwt.public-key", () -> pem);
    }

    public static String token(String tenant, String user, Role... roles) {
        return sign(claims(tenant, user, roles), Instant.now().plus(Duration.ofMinutes(10)), KEYS.getPrivate(), ISSUER);
    }

    public static String partnerStaff(String tenant, String user, String partnerId) {
        Map<String, Object> claims = claims(tenant, user, Role.PARTNER_STAFF);
        claims.put("partner_id", partnerId);
        return sign(claims, Instant.now().plus(Duration.ofMinutes(10)), KEYS.getPrivate(), ISSUER);
    }

    /** A token with any claims, expiry, key and issuer: for the ones a service must refuse. */
    public static String sign(Map<String, Object> claims, Instant expiry, PrivateKey key, String issuer) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).issueTime(new Date())
                .expirationTime(Date.from(expiry));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static Map<String, Object> claims(String tenant, String user, Role... roles) {
        return claimsNamingRoles(tenant, user, Arrays.stream(roles).map(Role::name).toList());
    }

    public static Map<String, Object> claimsNamingRoles(String tenant, String user, List<String> roles) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user);
        claims.put("preferred_username", user);
        claims.put("tenant", tenant);
        claims.put("roles", roles);
        claims.put("aud", List.of(AUDIENCE));
        return claims;
    }

    /** A token of this issuer with the claims, valid for ten minutes. */
    public static String sign(Map<String, Object> claims) {
        return sign(claims, Instant.now().plus(Duration.ofMinutes(10)), KEYS.getPrivate(), ISSUER);
    }

    /** The trusted key as a JWK set, for a test that serves it as an issuer would. */
    public static String jwkSetJson() {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test").build()).toString();
    }

    /** The key the service under test trusts: for tokens refused for other reasons (expired, wrong issuer). */
    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    /** A key the service does not trust: for forged tokens. */
    public static PrivateKey foreignKey() {
        return rsaKeyPair().getPrivate();
    }

    /** From now on the client sends this token with each request that brings no Authorization of its own. */
    public static void signIn(TestRestTemplate http, String token) {
        List<ClientHttpRequestInterceptor> interceptors = http.getRestTemplate().getInterceptors();
        interceptors.removeIf(BearerInterceptor.class::isInstance);
        interceptors.add(new BearerInterceptor(token));
    }

    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private record BearerInterceptor(String token) implements ClientHttpRequestInterceptor {
        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(
                org.springframework.http.HttpRequest request, byte[] body,
                org.springframework.http.client.ClientHttpRequestExecution execution) throws java.io.IOException {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(token);
            }
            return execution.execute(request, body);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
