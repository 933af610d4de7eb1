package de.kim.platform.web.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every operation of a service's OpenAPI document the problem responses it can answer,
 * as RFC 9457 {@code application/problem+json} with the {@value #PROBLEM} schema: 401, 403 and
 * 429 everywhere; 400 where a body or parameter can be wrong; 404 where a path names a record;
 * 409 for every change of a record (someone changed the same record at the same time). A response an
 * operation declares itself (e.g. a 422 with the rule it enforces) keeps its description and
 * gets the problem content; a 204 has no content. What an operation does is documented on its
 * controller.
 */
public class ProblemResponsesDocumentation implements GlobalOpenApiCustomizer {

    /** The name of the problem schema in {@code components.schemas}. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        standard("400", "Invalid input: a field is missing or malformed (`errors` names each field and what is wrong), "
                        + "or the body is not readable JSON. Nothing was changed.",
                "invalid-input", "Ungültige Eingabe", "Die Eingabe ist ungültig.");
        standard("401", "Not signed in: no token, an expired one, or one made for another application. "
                        + "Send a bearer token of the Kommune's sign-in.",
                "unauthorized", "Anmeldung erforderlich", "Bitte melden Sie sich an.");
        standard("403", "Signed in, but the user's roles do not allow this operation (e.g. a Netzwerkpartner "
                        + "asking for another partner's referrals).",
                "forbidden", "Keine Berechtigung", "Ihre Rolle erlaubt diese Aktion nicht.");
        standard("404", "No such record in the user's Kommune (records of other Kommunen are never shown, not even "
                        + "as existing).",
                "not-found", "Nicht gefunden", "Der Datensatz wurde nicht gefunden.");
        standard("409", "Conflict: someone changed the same record at the same moment, or the request repeats "
                        + "what is already so. Reload and decide again.",
                "conflict", "Konflikt", "Der Datensatz wurde zwischenzeitlich geändert.");
        standard("422", "A rule of the domain does not allow this now; `rule` names the rule.",
                "rule-violated", "Fachliche Regel verletzt", "Diese Aktion ist im aktuellen Stand nicht erlaubt.");
        standard("429", "Too many requests from this user; the gateway's limit. Retry after the seconds given "
                        + "in `Retry-After`.",
                "too-many-requests", "Zu viele Anfragen",
                "Sie haben in kurzer Zeit zu viele Anfragen gesendet. Bitte warten Sie einen Moment.");
    }

    private static void standard(String status, String description, String type, String title, String detail) {
        DESCRIPTIONS.put(status, description);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "urn:kim:problem:" + type);
        value.put("title", title);
        value.put("status", Integer.parseInt(status));
        value.put("detail", detail);
        if ("400".equals(status)) {
            value.put("errors", List.of(Map.of("field", "title", "message", "darf nicht leer sein")));
        }
        if ("422".equals(status)) {
            value.put("rule", "referral_needs_consent_for_the_partner");
        }
        EXAMPLES.put(status, new Example().summary(title).value(value));
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schema(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.readOperationsMap().entrySet()) {
                document(entry.getKey(), entry.getValue(), path.getParameters());
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation, List<Parameter> pathParameters) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName())
                && (p.getDescription() == null || p.getDescription().isBlank())).forEach(p -> p.setDescription(
                "Optional: the record's version as its `ETag` answered it; a change made on an older version "
                        + "gets 409 instead of overwriting someone else's."));
        boolean namesRecord = parameters.stream().anyMatch(p -> "path".equals(p.getIn()))
                || (pathParameters != null && !pathParameters.isEmpty());
        if (operation.getRequestBody() != null || !parameters.isEmpty()) {
            responses.computeIfAbsent("400", code -> new ApiResponse());
        }
        responses.computeIfAbsent("401", code -> new ApiResponse());
        responses.computeIfAbsent("403", code -> new ApiResponse());
        if (namesRecord) {
            responses.computeIfAbsent("404", code -> new ApiResponse());
        }
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (changes && (namesRecord || operation.getRequestBody() != null)) {
            responses.computeIfAbsent("409", code -> new ApiResponse());
        }
        responses.computeIfAbsent("429", code -> new ApiResponse());
        responses.forEach((status, response) -> {
            if (status.startsWith("4")) {
                asProblem(status, response);
            } else if ("204".equals(status)) {
                response.setContent(null);
            }
        });
    }

    private static void asProblem(String status, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Problem " + status));
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        Example example = EXAMPLES.get(status);
        if (example != null) {
            problem.addExamples(example.getSummary(), example);
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the field, e.g. `goals[0].title`"));
        fieldError.addProperty("message", new StringSchema().description("what is wrong with it, in the user's language"));
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 problem details. `title` and `detail` are German unless Accept-Language "
                + "asks for English; `type` is stable and meant for programs.");
        schema.addProperty("type", new StringSchema().format("uri").description("what kind of problem, "
                + "`urn:kim:problem:<kind>`").example("urn:kim:problem:not-found"));
        schema.addProperty("title", new StringSchema().description("short, the same for every problem of this type"));
        schema.addProperty("status", new IntegerSchema().description("the HTTP status"));
        schema.addProperty("detail", new StringSchema().description("what happened in this case"));
        schema.addProperty("instance", new StringSchema().format("uri").description("the path that was called"));
        schema.addProperty("errors", new ArraySchema().items(fieldError)
                .description("invalid input only: each field and what is wrong with it"));
        schema.addProperty("rule", new StringSchema().description("422 only: the rule of the domain that was violated"));
        return schema;
    }
}
