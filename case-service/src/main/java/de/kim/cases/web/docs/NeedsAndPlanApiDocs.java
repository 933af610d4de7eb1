package de.kim.cases.web.docs;

import de.kim.cases.web.CaseRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static de.kim.cases.web.docs.CaseDocTexts.CHANGED;
import static de.kim.cases.web.docs.CaseDocTexts.ENTRY_NOT_FOUND;
import static de.kim.cases.web.docs.CaseDocTexts.IF_MATCH;
import static de.kim.cases.web.docs.CaseDocTexts.NOT_FOUND;

/** The OpenAPI documentation of a case's needs and its Integrationsplan. */
@Tag(name = "Bedarfe und Integrationsplan", description = "Needs per Handlungsfeld and the agreed plan with its goals.")
public interface NeedsAndPlanApiDocs {

    @Operation(summary = "Assess a need",
            description = "Records a need of the client in a Handlungsfeld (language, education/school, training/work, "
                    + "housing, health, family/children, residence/legal, benefits/finances, social participation) with "
                    + "its priority and a description. `entrusted: true` marks it anvertraut (§ 65 SGB VIII): it never "
                    + "leaves case management." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Sprachkurs", value = """
                            {"fieldOfAction": "LANGUAGE", "priority": "HIGH",
                             "description": "Sprachkurs B1 mit Kinderbetreuung gesucht", "entrusted": false}"""))))
    @ApiResponse(responseCode = "201", description = "Assessed; the body holds the need's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Map<String, String>> assessNeed(String id, String ifMatch, CaseRequests.AssessNeed body);

    @Operation(summary = "Update a need",
            description = "Changes a need's priority and description." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Priorität gesenkt", value = """
                            {"priority": "MEDIUM", "description": "Kursplatz ab September in Aussicht"}"""))))
    @ApiResponse(responseCode = "204", description = "Updated.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the need is resolved.")
    ResponseEntity<Void> updateNeed(String id, String needId, String ifMatch, CaseRequests.UpdateNeed body);

    @Operation(summary = "Resolve a need", description = "The need is met; it no longer counts as open (nor as a gap "
            + "in steering)." + IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Resolved.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the need is resolved already.")
    ResponseEntity<Void> resolveNeed(String id, String needId, String ifMatch);

    @Operation(summary = "Agree the Integrationsplan",
            description = "Records the integration plan (Förderplan) agreed with the client on a day: its goals, each "
                    + "in a Handlungsfeld with a target date. A goal with an `id` replaces that goal of the plan; one "
                    + "without gets a new id. Answers the goals' ids in order." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Plan mit zwei Zielen", value = """
                            {"agreedOn": "2026-03-10", "goals": [
                              {"fieldOfAction": "LANGUAGE", "description": "B1-Zertifikat erreichen",
                               "targetDate": "2026-12-31"},
                              {"fieldOfAction": "TRAINING_WORK", "description": "Anerkennung des Pflegeabschlusses",
                               "targetDate": "2027-06-30"}]}"""))))
    @ApiResponse(responseCode = "200", description = "Agreed; the body holds `goalIds` in the order of the goals.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    Map<String, Object> agreePlan(String id, String ifMatch, CaseRequests.AgreePlan body);

    @Operation(summary = "A goal is reached",
            description = "Records that the client reached a goal of the Integrationsplan, and on which day; steering "
                    + "counts the time from opening to goal." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "erreicht", value = """
                            {"achievedOn": "2026-11-20"}"""))))
    @ApiResponse(responseCode = "204", description = "Recorded.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the goal is no longer open.")
    ResponseEntity<Void> achieveGoal(String id, String goalId, String ifMatch, CaseRequests.AchieveGoal body);

    @Operation(summary = "Drop a goal", description = "The goal is given up, with the reason." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "aufgegeben", value = """
                            {"reason": "Klientin hat eine Arbeitsstelle angenommen; Kurs nicht mehr möglich."}"""))))
    @ApiResponse(responseCode = "204", description = "Dropped.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the goal is no longer open.")
    ResponseEntity<Void> dropGoal(String id, String goalId, String ifMatch, CaseRequests.Reason body);
}
