package de.kim.steering.web.docs;

import de.kim.steering.query.ActionPlanProgress;
import de.kim.steering.web.ActionPlanController.AddMeasure;
import de.kim.steering.web.ActionPlanController.AdoptGoal;
import de.kim.steering.web.ActionPlanController.BindIndicator;
import de.kim.steering.web.ActionPlanController.MeasureStatusChange;
import de.kim.steering.web.ActionPlanController.RecordDecision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** The OpenAPI documentation of the action plan (Handlungskonzept) operations. */
@Tag(name = "Handlungskonzept", description = "The steering group's local action plan: goals, measures, "
        + "indicators tied to the figures, and the decisions of Lenkungsgruppe and Projektgruppen.")
public interface ActionPlanApi {

    @Operation(summary = "Read the action plan with its progress",
            description = "The Kommune's Handlungskonzept as the Lenkungsgruppe reads it: each goal with its measures "
                    + "and their status, each indicator with its target and the figure reached so far (counted from "
                    + "the cases, suppressed below 5), and the decisions taken.")
    ActionPlanProgress.Plan plan();

    @Operation(summary = "Adopt a goal",
            description = "Adopts a goal into the Handlungskonzept, optionally for one Handlungsfeld (e.g. `LANGUAGE`). "
                    + "Answers the new goal's id, and its address in `Location`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Sprachkurse mit Kinderbetreuung", value = """
                            {"title": "Sprachkurse mit Kinderbetreuung in jeder Stadt des Kreises",
                             "description": "Fehlende Kinderbetreuung ist die häufigste Barriere beim Sprachkurs.",
                             "fieldOfAction": "LANGUAGE"}"""))))
    @ApiResponse(responseCode = "201", description = "Adopted; the body holds the goal's `id`.")
    ResponseEntity<Map<String, String>> adopt(AdoptGoal body);

    @Operation(summary = "Add a measure to a goal",
            description = "Adds a measure (what is done, who is responsible, by when) to a goal of the Handlungskonzept. "
                    + "It starts as `PLANNED`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Kursträger ansprechen", value = """
                            {"title": "Kursträger in Velbert und Wülfrath zu Kursen mit Kinderbetreuung ansprechen",
                             "responsible": "Kommunales Integrationszentrum", "dueOn": "2026-09-30"}"""))))
    @ApiResponse(responseCode = "201", description = "Added; the body holds the measure's `id`.")
    @ApiResponse(responseCode = "404", description = "The goal is not in the Kommune's action plan.")
    ResponseEntity<Map<String, String>> addMeasure(String goalId, AddMeasure body);

    @Operation(summary = "Change a measure's status",
            description = "Moves a measure on: `PLANNED`, `UNDER_WAY` or `DONE`. A finished measure stays finished.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "begonnen", value = """
                            {"status": "UNDER_WAY"}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "404", description = "No such goal or measure in the action plan.")
    @ApiResponse(responseCode = "409", description = "The measure already has this status, or it is done already.")
    ResponseEntity<Void> changeStatus(String goalId, String measureId, MeasureStatusChange body);

    @Operation(summary = "Tie an indicator to a goal",
            description = "Ties a goal to one of the platform's figures (e.g. referrals accepted), with a target "
                    + "(at least or at most), a period in months (`YYYY-MM`) and optionally a town, so that the plan "
                    + "shows its progress from the cases without anyone counting by hand.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Verweisungen in Hilden", value = """
                            {"metric": "REFERRALS_ACCEPTED", "direction": "AT_LEAST", "target": 40,
                             "from": "2026-01", "to": "2026-12", "town": "Hilden"}"""))))
    @ApiResponse(responseCode = "201", description = "Tied; the body holds the indicator's `id`.")
    @ApiResponse(responseCode = "404", description = "The goal is not in the Kommune's action plan.")
    ResponseEntity<Map<String, String>> bind(String goalId, BindIndicator body);

    @Operation(summary = "Record a decision",
            description = "Records a decision of the Lenkungsgruppe (`STEERING_GROUP`) or a Projektgruppe "
                    + "(`PROJECT_GROUP`) with its date, subject and wording, optionally for one goal, outside a "
                    + "recorded meeting. A decision taken in a meeting, with tasks, is recorded on the meeting "
                    + "(`POST /api/steering/groups/{groupId}/meetings/{meetingId}/decisions`); both are listed "
                    + "among the plan's decisions and at `GET /api/steering/decisions`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Beschluss der Lenkungsgruppe", value = """
                            {"body": "STEERING_GROUP", "decidedOn": "2026-03-12",
                             "subject": "Projektgruppe Sprachkurse mit Kinderbetreuung",
                             "text": "Die Lenkungsgruppe richtet eine Projektgruppe ein; erster Bericht im Juni."}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the decision's `id`.")
    ResponseEntity<Map<String, String>> decide(RecordDecision body);
}
