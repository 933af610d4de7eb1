package de.kim.partners.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.testing.ApiDocumentation;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation in this service's OpenAPI document has a summary, a description, its 401 and
 * 403 problem responses and an example for its request body; the failure names each one that
 * lacks something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void every_operation_is_documented_for_an_integrating_team() throws Exception {
        ApiDocumentation.assertEveryOperationDocumented(http, json);
    }
}
