package de.kim.steering.web.docs;

import de.kim.steering.query.PlanVersions;
import de.kim.steering.web.PlanVersionController.Adoption;
import de.kim.steering.web.PlanVersionController.ChangeGoal;
import de.kim.steering.web.PlanVersionController.ChangeIndicator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** The OpenAPI documentation of the action plan's versions: draft, changes in it, adoption, earlier versions. */
@Tag(name = "Handlungskonzept: Fassungen", description = "The Handlungskonzept is adopted in versions: goals and "
        + "indicators change or retire only in the draft of a new version, which a meeting's decision adopts.")
public interface PlanVersionApi {

    @Operation(summary = "List the versions",
            description = "Every version of the Handlungskonzept, the newest first, a page at a time: adopted ones with "
                    + "their day and decision, as adopted; an open draft as the plan now stands.")
    @ApiResponse(responseCode = "200", description = "A page of versions.")
    @ApiResponse(responseCode = "400", description = "`page` or `size` out of range.")
    PlanVersions.Versions versions(Integer page, Integer size);

    @Operation(summary = "Read a version", description = "One version with its goals, measures and indicators.")
    @ApiResponse(responseCode = "200", description = "The version.")
    @ApiResponse(responseCode = "404", description = "No such version.")
    PlanVersions.Version version(int number);

    @Operation(summary = "Open the draft of the next version",
            description = "Opens the draft of the next version; answers its number. Only in the draft can goals and "
                    + "indicators be changed or retired.")
    @ApiResponse(responseCode = "201", description = "Opened; the body holds the draft's `version`.")
    @ApiResponse(responseCode = "409", description = "A draft is open already.")
    ResponseEntity<Map<String, Integer>> startDraft();

    @Operation(summary = "Adopt the draft",
            description = "Adopts the draft as the version in force from the day of the meeting whose decision "
                    + "(`decisionId`) adopts it; the version keeps the plan as it stands then. `groupId` names the "
                    + "group whose meeting took the decision (without it each group of the Kommune is asked): the "
                    + "group itself answers, so a decision adopts the moment it is taken.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Beschluss der Lenkungsgruppe", value = """
                            {"decisionId": "8e1b2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                             "groupId": "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9"}"""))))
    @ApiResponse(responseCode = "204", description = "Adopted.")
    @ApiResponse(responseCode = "400", description = "The decision was not taken in a meeting, or before the previous version.")
    @ApiResponse(responseCode = "404", description = "No such draft or decision.")
    ResponseEntity<Void> adopt(int number, Adoption body);

    @Operation(summary = "Change a goal in the draft",
            description = "Changes a goal's title, description or Handlungsfeld in the open draft.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Ziel geschärft", value = """
                            {"title": "Sprachkurse mit Kinderbetreuung in jeder Stadt bis 2027", "fieldOfAction": "LANGUAGE"}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "404", description = "No such goal.")
    @ApiResponse(responseCode = "409", description = "No draft is open.")
    ResponseEntity<Void> changeGoal(String goalId, ChangeGoal body);

    @Operation(summary = "Retire a goal in the draft",
            description = "Retires a goal with its measures and indicators in the open draft; earlier versions keep it.")
    @ApiResponse(responseCode = "204", description = "Retired.")
    @ApiResponse(responseCode = "404", description = "No such goal.")
    @ApiResponse(responseCode = "409", description = "No draft is open.")
    ResponseEntity<Void> retireGoal(String goalId);

    @Operation(summary = "Change an indicator in the draft",
            description = "Changes an indicator's figure, direction, target, period (`YYYY-MM`) or town in the open draft.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Zielwert erhöht", value = """
                            {"metric": "REFERRALS_ACCEPTED", "direction": "AT_LEAST", "target": 60,
                             "from": "2027-01", "to": "2027-12"}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "400", description = "A negative target, a month not as `YYYY-MM`, or a period that "
            + "ends before it starts.")
    @ApiResponse(responseCode = "404", description = "No such goal or indicator.")
    @ApiResponse(responseCode = "409", description = "No draft is open.")
    ResponseEntity<Void> changeIndicator(String goalId, String indicatorId, ChangeIndicator body);

    @Operation(summary = "Retire an indicator in the draft",
            description = "Retires an indicator in the open draft; earlier versions keep it.")
    @ApiResponse(responseCode = "204", description = "Retired.")
    @ApiResponse(responseCode = "404", description = "No such goal or indicator.")
    @ApiResponse(responseCode = "409", description = "No draft is open.")
    ResponseEntity<Void> retireIndicator(String goalId, String indicatorId);
}
