package de.kim.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The completeness check passes a documented operation and names each gap of one that is not. */
class ApiDocumentationTest {

    private static final String PROBLEM = """
            {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";
    private static final String DOCUMENTED = """
            {"summary": "Open a case", "description": "Fallmanagement opens a case.",
             "requestBody": {"content": {"application/json": {"examples": {"a": {"value": {"town": "Hilden"}}}}}},
             "responses": {"201": {"description": "opened"}, "401": %s, "403": %s}}""".formatted(PROBLEM, PROBLEM);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_documented_operation_passes() throws Exception {
        assertThatCode(() -> ApiDocumentation.assertEveryOperationDocumented(document(DOCUMENTED, DOCUMENTED)))
                .doesNotThrowAnyException();
    }

    @Test
    void an_operation_without_summary_description_problems_or_example_is_named_with_what_it_lacks() throws Exception {
        String bare = """
                {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                 "responses": {"401": {"description": "x"}}}""";
        JsonNode document = document(DOCUMENTED, bare);

        assertThat(ApiDocumentation.gaps(document)).containsExactly("POST /api/read-models/cases/rebuild: no summary; "
                + "no description; no success response (declare the 2xx next to the operation's own @ApiResponse); "
                + "no 401 problem response; no 403 problem response; no example body (application/json)");
        assertThatThrownBy(() -> ApiDocumentation.assertEveryOperationDocumented(document))
                .hasMessageContaining("POST /api/read-models/cases/rebuild");
    }

    @Test
    void a_document_without_operations_fails() throws Exception {
        assertThat(ApiDocumentation.gaps(json.readTree("{\"paths\": {}}"))).isNotEmpty();
    }

    private JsonNode document(String first, String second) throws Exception {
        return json.readTree("""
                {"paths": {"/api/cases": {"post": %s}, "/api/read-models/cases/rebuild": {"post": %s}}}"""
                .formatted(first, second));
    }
}
