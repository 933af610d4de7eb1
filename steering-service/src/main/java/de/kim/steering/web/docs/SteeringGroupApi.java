package de.kim.steering.web.docs;

import de.kim.steering.query.groups.DecisionView;
import de.kim.steering.query.groups.GroupView;
import de.kim.steering.query.groups.SteeringGroups;
import de.kim.steering.query.groups.TaskView;
import de.kim.steering.web.SteeringGroupController.AddMember;
import de.kim.steering.web.SteeringGroupController.ChangeMember;
import de.kim.steering.web.SteeringGroupController.FormGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** The OpenAPI documentation of the groups (Lenkungsgruppe, Projektgruppen), their decisions and tasks. */
@Tag(name = "Gremien", description = "The Lenkungsgruppe and the Projektgruppen of a Kommune: members, the decisions "
        + "of their meetings and the tasks those give.")
public interface SteeringGroupApi {

    @Operation(summary = "List the groups",
            description = "The Lenkungsgruppe and the Projektgruppen of the Kommune with their members, a page at a time "
                    + "(`page` from 0, `size` 1 to 100, default 20).")
    @ApiResponse(responseCode = "200", description = "A page of groups.")
    @ApiResponse(responseCode = "400", description = "`page` or `size` out of range.")
    SteeringGroups.Page<GroupView> groups(Integer page, Integer size);

    @Operation(summary = "Read a group", description = "One group with its members (name, organisation, role; "
            + "`removedOn` the day a former member left, null for a current one).")
    @ApiResponse(responseCode = "200", description = "The group.")
    @ApiResponse(responseCode = "404", description = "No such group in the Kommune.")
    GroupView group(String groupId);

    @Operation(summary = "Form a group",
            description = "Forms the Lenkungsgruppe (`STEERING_GROUP`) or a Projektgruppe (`PROJECT_GROUP`) with its name.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Projektgruppe", value = """
                            {"body": "PROJECT_GROUP", "name": "Projektgruppe Sprachkurse mit Kinderbetreuung"}"""))))
    @ApiResponse(responseCode = "201", description = "Formed; the body holds the group's `id`.")
    @ApiResponse(responseCode = "400", description = "No body or no name.")
    ResponseEntity<Map<String, String>> form(FormGroup body);

    @Operation(summary = "Add a member",
            description = "Adds a person of staff to a group in their function (never a client): name, organisation "
                    + "and role (`CHAIR`, `MEMBER`, `GUEST`). Only members attend, and only members own tasks.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Vorsitz", value = """
                            {"name": "Erika Beispiel", "organisation": "Kommunales Integrationszentrum", "role": "CHAIR"}"""))))
    @ApiResponse(responseCode = "201", description = "Added; the body holds the member's `id`.")
    @ApiResponse(responseCode = "400", description = "Name, organisation or role missing.")
    @ApiResponse(responseCode = "404", description = "No such group in the Kommune.")
    ResponseEntity<Map<String, String>> addMember(String groupId, AddMember body);

    @Operation(summary = "Change a member",
            description = "Sets a current member's organisation and role (`CHAIR`, `MEMBER`, `GUEST`); the name stays.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Neue Rolle", value = """
                            {"organisation": "Jobcenter Kreis Musterland", "role": "MEMBER"}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "400", description = "Organisation or role missing.")
    @ApiResponse(responseCode = "404", description = "No such group or member in the Kommune.")
    @ApiResponse(responseCode = "409", description = "The member has left the group.")
    ResponseEntity<Void> changeMember(String groupId, String memberId, ChangeMember body);

    @Operation(summary = "Remove a member",
            description = "The member leaves the group today. They stay listed with the day they left (`removedOn`), "
                    + "so past attendance and their tasks keep their name; they can no longer be recorded present "
                    + "at a meeting they were not recorded at, nor take a task.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "404", description = "No such group or member in the Kommune.")
    @ApiResponse(responseCode = "409", description = "The member has left the group already.")
    ResponseEntity<Void> removeMember(String groupId, String memberId);

    @Operation(summary = "List the decisions",
            description = "The decisions of all groups, the latest first, a page at a time; `meetingId` keeps those of "
                    + "one meeting. Decisions recorded before meetings were kept are listed too (without meeting).")
    @ApiResponse(responseCode = "200", description = "A page of decisions.")
    @ApiResponse(responseCode = "400", description = "`page` or `size` out of range.")
    SteeringGroups.Page<DecisionView> decisions(String meetingId, Integer page, Integer size);

    @Operation(summary = "Read a decision", description = "One decision with its group, meeting and agenda item.")
    @ApiResponse(responseCode = "200", description = "The decision.")
    @ApiResponse(responseCode = "404", description = "No such decision in the Kommune.")
    DecisionView decision(String decisionId);

    @Operation(summary = "List the tasks",
            description = "The tasks the decisions gave, the next due first, a page at a time; `open=true` keeps those "
                    + "not done, `meetingId` those of one meeting.")
    @ApiResponse(responseCode = "200", description = "A page of tasks.")
    @ApiResponse(responseCode = "400", description = "`page` or `size` out of range.")
    SteeringGroups.Page<TaskView> tasks(Boolean open, String meetingId, Integer page, Integer size);
}
