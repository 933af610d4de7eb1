package de.kim.platform.web.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which problem responses an operation gets, and that its own descriptions stay. */
class ProblemResponsesDocumentationTest {

    @Test
    void a_change_of_a_named_record_gets_every_problem_it_can_answer_as_problem_json() {
        Operation change = new Operation()
                .addParametersItem(new Parameter().in("path").name("id"))
                .addParametersItem(new Parameter().in("header").name("If-Match"))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))
                .responses(new ApiResponses()
                        .addApiResponse("204", new ApiResponse().description("Done.")
                                .content(new Content().addMediaType("application/json", new MediaType())))
                        .addApiResponse("422", new ApiResponse().description("Needs consent.")));
        Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/cases/{id}/referrals", new PathItem().post(change))
                .addPathItem("/api/cases", new PathItem().get(list)));

        new ProblemResponsesDocumentation().customise(api);

        assertThat(change.getResponses()).containsOnlyKeys("204", "400", "401", "403", "404", "409", "422", "429");
        assertThat(change.getResponses().get("422").getDescription()).isEqualTo("Needs consent.");
        assertThat(change.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(change.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(change.getResponses().get("204").getContent()).isNull();
        assertThat(change.getParameters().get(1).getDescription()).contains("409");
        assertThat(list.getResponses()).containsOnlyKeys("200", "401", "403", "429");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors", "rule");
    }
}
