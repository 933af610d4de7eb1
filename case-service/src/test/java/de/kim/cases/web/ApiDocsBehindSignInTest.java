package de.kim.cases.web;

import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape ({@code KIM_PUBLIC_API_DOCS=false}): the OpenAPI document needs a valid
 * token of the platform's issuer, whatever its role; health still answers without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kim.security.public-api-docs=false")
class ApiDocsBehindSignInTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void the_openapi_document_answers_401_without_a_token_and_200_with_a_valid_one() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String token = TestTokens.token(TestTokens.TENANT, "steuerung", Role.STEERING_MEMBER);
        ResponseEntity<String> document = http.exchange("/v3/api-docs", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(token)), String.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).contains("\"openapi\"", "/api/cases");

        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
