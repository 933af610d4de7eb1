package de.kim.steering.web.docs;

import de.kim.steering.query.groups.MeetingView;
import de.kim.steering.query.groups.SteeringGroups;
import de.kim.steering.web.MeetingController.Attendance;
import de.kim.steering.web.MeetingController.MeetingDetail;
import de.kim.steering.web.MeetingController.Minutes;
import de.kim.steering.web.MeetingController.ScheduleMeeting;
import de.kim.steering.web.MeetingController.TakeDecision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.Map;

/** The OpenAPI documentation of the groups' meetings: agenda, attendance, minutes, decisions with tasks. */
@Tag(name = "Sitzungen", description = "Meetings of the Lenkungsgruppe and the Projektgruppen: agenda, attendance, "
        + "minutes, and decisions that give tasks to members.")
public interface MeetingApi {

    @Operation(summary = "List the meetings",
            description = "Meetings of all groups or of one (`groupId`), a page at a time: `upcoming=true` (or `from`, "
                    + "`YYYY-MM-DD`) those from that day on, the next first; otherwise all, the latest first.")
    @ApiResponse(responseCode = "200", description = "A page of meetings.")
    @ApiResponse(responseCode = "400", description = "`from` not a day, or `page`/`size` out of range.")
    SteeringGroups.Page<MeetingView> meetings(String groupId, Boolean upcoming, LocalDate from, Integer page, Integer size);

    @Operation(summary = "Read a meeting",
            description = "A meeting with its agenda and minutes, who attended, its decisions and their tasks.")
    @ApiResponse(responseCode = "200", description = "The meeting.")
    @ApiResponse(responseCode = "404", description = "No such meeting of the group in the Kommune.")
    MeetingDetail meeting(String groupId, String meetingId);

    @Operation(summary = "Schedule a meeting",
            description = "Schedules a meeting of the group on a day (`YYYY-MM-DD`) at a place with its agenda "
                    + "(the items' titles in order; each gets an id).",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Sitzung der Lenkungsgruppe", value = """
                            {"heldOn": "2026-03-12", "place": "Kreishaus Mettmann, Raum 2.14",
                             "agenda": ["Bericht aus den Projektgruppen", "Fortschreibung des Handlungskonzepts"]}"""))))
    @ApiResponse(responseCode = "201", description = "Scheduled; the body holds the meeting's `id`.")
    @ApiResponse(responseCode = "400", description = "The day not as `YYYY-MM-DD`, no place or no agenda item.")
    @ApiResponse(responseCode = "404", description = "No such group in the Kommune.")
    ResponseEntity<Map<String, String>> schedule(String groupId, ScheduleMeeting body);

    @Operation(summary = "Record attendance",
            description = "Records which members were present; the other members count as absent. Recording again "
                    + "replaces what was recorded.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Anwesende", value = """
                            {"presentMemberIds": ["5b0c3c0e-8f0e-4f7a-9c55-0a6f3b1d2e11"]}"""))))
    @ApiResponse(responseCode = "204", description = "Recorded.")
    @ApiResponse(responseCode = "400", description = "Someone named is not a member of the group.")
    @ApiResponse(responseCode = "404", description = "No such group or meeting in the Kommune.")
    ResponseEntity<Void> attendance(String groupId, String meetingId, Attendance body);

    @Operation(summary = "Record the minutes of an agenda item",
            description = "Records the minutes (Protokoll) of one agenda item; recording again replaces them. Minutes "
                    + "describe the work of the group, never a client.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Protokoll", value = """
                            {"text": "Die Projektgruppe berichtet: zwei Träger bieten ab Herbst Kurse mit Kinderbetreuung an."}"""))))
    @ApiResponse(responseCode = "204", description = "Recorded.")
    @ApiResponse(responseCode = "400", description = "No text.")
    @ApiResponse(responseCode = "404", description = "No such group, meeting or agenda item in the Kommune.")
    ResponseEntity<Void> minutes(String groupId, String meetingId, String itemId, Minutes body);

    @Operation(summary = "Record a decision with tasks",
            description = "Records a decision taken in the meeting under an agenda item, optionally for a goal (and a "
                    + "measure of it) of the Handlungskonzept, with the tasks it gives: each to a member of the group, "
                    + "due on a day not before the meeting. Answers the decision's `id` and the tasks' `taskIds`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Beschluss mit Aufgabe", value = """
                            {"agendaItemId": "0d7f5a4e-2b8c-4d1e-9a3f-6c5b4a392817",
                             "subject": "Kurse mit Kinderbetreuung ausschreiben",
                             "text": "Die Lenkungsgruppe beauftragt das KI mit der Ausschreibung.",
                             "tasks": [{"title": "Ausschreibung vorbereiten",
                                        "ownerMemberId": "5b0c3c0e-8f0e-4f7a-9c55-0a6f3b1d2e11", "dueOn": "2026-04-30"}]}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the decision's `id` and its `taskIds`.")
    @ApiResponse(responseCode = "400", description = "A task's owner is not a member, a task is due before the meeting, "
            + "or a field is missing or malformed.")
    @ApiResponse(responseCode = "404", description = "No such group, meeting, agenda item, goal or measure.")
    ResponseEntity<Map<String, Object>> decide(String groupId, String meetingId, TakeDecision body);

    @Operation(summary = "Mark a task done", description = "Marks a task as done today.")
    @ApiResponse(responseCode = "204", description = "Done.")
    @ApiResponse(responseCode = "404", description = "No such group or task in the Kommune.")
    @ApiResponse(responseCode = "409", description = "The task is done already.")
    ResponseEntity<Void> done(String groupId, String taskId);
}
