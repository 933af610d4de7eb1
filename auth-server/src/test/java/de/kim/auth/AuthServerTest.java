package de.kim.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kim.auth.demo-users=true")
class AuthServerTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("kim-auth");
        registry.add("kim.auth.signing-key", () -> dir.resolve("signing-key.json").toString());
        registry.add("kim.auth.issuer", () -> "http://localhost:9000");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void a_demo_user_gets_a_signed_token_naming_tenant_roles_and_partner() throws Exception {
        ResponseEntity<String> answer = token("partner.mettmann", "demo");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        SignedJWT jwt = SignedJWT.parse(json.readTree(answer.getBody()).path("access_token").asText());
        JWKSet keys = JWKSet.parse(http.getForObject("/oauth2/jwks", String.class));
        assertThat(jwt.verify(new RSASSAVerifier(keys.getKeys().get(0).toRSAKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant")).isEqualTo("kreis-mettmann");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PARTNER_STAFF");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("partner_id")).isEqualTo("demo-partner-mettmann");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("preferred_username")).isEqualTo("partner.mettmann");
    }

    @Test
    void every_access_token_is_meant_for_the_platform() throws Exception {
        ResponseEntity<String> answer = token("leitung.mettmann", "demo");

        SignedJWT jwt = SignedJWT.parse(json.readTree(answer.getBody()).path("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getAudience()).contains("kim-platform", "leitung.mettmann");
    }

    @Test
    void a_wrong_password_gets_no_token() {
        assertThat(token("leitung.mettmann", "falsch").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_discovery_document_names_the_issuer_and_its_keys() throws Exception {
        JsonNode discovery = json.readTree(http.getForObject("/.well-known/openid-configuration", String.class));
        assertThat(discovery.path("issuer").asText()).isEqualTo("http://localhost:9000");
        assertThat(discovery.path("jwks_uri").asText()).endsWith("/oauth2/jwks");
    }

    @Test
    void the_discovery_document_names_where_to_sign_out() throws Exception {
        JsonNode discovery = json.readTree(http.getForObject("/.well-known/openid-configuration", String.class));
        assertThat(discovery.path("end_session_endpoint").asText()).isEqualTo("http://localhost:9000/connect/logout");
    }

    private ResponseEntity<String> token(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        return http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers), String.class);
    }
}
