package de.kim.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's own OpenAPI document and names every operation that a team integrating
 * it could not use without asking: no summary, no description, no success response, no
 * 401/403 problem response, a request body without an example.
 */
public final class ApiDocumentation {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocumentation() {
    }

    /** Fails naming each undocumented operation and what it lacks. */
    public static void assertEveryOperationDocumented(TestRestTemplate http, ObjectMapper json) throws Exception {
        assertEveryOperationDocumented(json.readTree(http.getForObject("/v3/api-docs", String.class)));
    }

    public static void assertEveryOperationDocumented(JsonNode document) {
        List<String> gaps = gaps(document);
        if (!gaps.isEmpty()) {
            throw new AssertionError(gaps.size() + " operation(s) of the OpenAPI document lack documentation "
                    + "(add @Operation/@ApiResponse/@ExampleObject on the controller or its docs interface):\n  "
                    + String.join("\n  ", gaps));
        }
    }

    /** One line per operation that lacks something, e.g. {@code POST /api/cases: no summary; no example body}. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                List<String> missing = missing(op.getValue());
                if (!missing.isEmpty()) {
                    gaps.add(op.getKey().toUpperCase() + " " + path.getKey() + ": " + String.join("; ", missing));
                }
            }
        }
        if (operations == 0) {
            gaps.add("the document has no operation at all");
        }
        return gaps;
    }

    private static List<String> missing(JsonNode operation) {
        List<String> missing = new ArrayList<>();
        if (operation.path("summary").asText("").isBlank()) {
            missing.add("no summary");
        }
        if (operation.path("description").asText("").isBlank()) {
            missing.add("no description");
        }
        boolean answers = false;
        for (Iterator<String> statuses = operation.path("responses").fieldNames(); statuses.hasNext(); ) {
            answers |= statuses.next().startsWith("2");
        }
        if (!answers) {
            missing.add("no success response (declare the 2xx next to the operation's own @ApiResponse)");
        }
        for (String status : List.of("401", "403")) {
            JsonNode problem = operation.path("responses").path(status).path("content").path(PROBLEM_JSON);
            if (!problem.path("schema").path("$ref").asText("").endsWith("/Problem")) {
                missing.add("no " + status + " problem response");
            }
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            JsonNode content = body.path("content");
            if (content.isEmpty()) {
                missing.add("a request body without content");
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> type = media.next();
                if (!type.getValue().has("example") && type.getValue().path("examples").isEmpty()) {
                    missing.add("no example body (" + type.getKey() + ")");
                }
            }
        }
        return missing;
    }
}
