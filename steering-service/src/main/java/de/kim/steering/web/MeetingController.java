package de.kim.steering.web;

import de.kim.steering.api.*;
import de.kim.steering.query.ActionPlanProgress;
import de.kim.steering.query.groups.DecisionView;
import de.kim.steering.query.groups.MeetingView;
import de.kim.steering.query.groups.SteeringGroups;
import de.kim.steering.query.groups.TaskView;
import de.kim.steering.web.docs.MeetingApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The meetings of the Lenkungsgruppe and the project groups: schedule one with its agenda,
 * record attendance, minutes per agenda item, and decisions that give tasks to members (linked
 * to a goal and measure of the action plan); mark a task done.
 */
@RestController
@RequestMapping("/api/steering")
public class MeetingController implements MeetingApi {

    private final CommandGateway commands;
    private final SteeringGroups groups;
    private final ActionPlanProgress plans;
    private final FiguresController context;
    private final Clock clock;

    public MeetingController(CommandGateway commands, SteeringGroups groups, ActionPlanProgress plans,
                             FiguresController context, Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.plans = plans;
        this.context = context;
        this.clock = clock;
    }

    /** {@code POST /groups/{groupId}/meetings}: the day as {@code YYYY-MM-DD}, the agenda's titles in order. */
    public record ScheduleMeeting(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String place,
                                  @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> agenda) {
    }

    /** {@code PUT …/attendance}: the members present; the others are absent. */
    public record Attendance(@NotNull @Size(max = 100) List<@NotBlank String> presentMemberIds) {
    }

    /** {@code PUT …/agenda/{itemId}/minutes}. */
    public record Minutes(@NotBlank @Size(max = 20000) String text) {
    }

    /** A task of a decision: what, which member, by when. */
    public record Task(@NotBlank @Size(max = 300) String title, @NotBlank String ownerMemberId, @NotNull LocalDate dueOn) {
    }

    /** {@code POST …/decisions}: under an agenda item, optionally for a goal (and a measure of it), with tasks. */
    public record TakeDecision(String agendaItemId, @NotBlank @Size(max = 300) String subject,
                               @NotBlank @Size(max = 5000) String text, String goalId, String measureId,
                               @Size(max = 20) List<@Valid Task> tasks) {
    }

    /** A meeting with its decisions and their tasks. */
    public record MeetingDetail(MeetingView meeting, List<DecisionView> decisions, List<TaskView> tasks) {
    }

    @GetMapping("/meetings")
    public SteeringGroups.Page<MeetingView> meetings(@RequestParam(required = false) String groupId,
                                                     @RequestParam(required = false) Boolean upcoming,
                                                     @RequestParam(required = false)
                                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        LocalDate since = Boolean.TRUE.equals(upcoming) ? LocalDate.now(clock) : from;
        return groups.meetings(context.tenant(), groupId, since, paging.page(), paging.size());
    }

    @GetMapping("/groups/{groupId}/meetings/{meetingId}")
    public MeetingDetail meeting(@PathVariable String groupId, @PathVariable String meetingId) {
        String tenant = context.tenant();
        MeetingView meeting = groups.meeting(tenant, groupId, meetingId);
        return new MeetingDetail(meeting, groups.decisions(tenant, meetingId, 0, Paging.MAX_SIZE).items(),
                groups.tasks(tenant, null, meetingId, 0, Paging.MAX_SIZE).items());
    }

    @PostMapping("/groups/{groupId}/meetings")
    public ResponseEntity<Map<String, String>> schedule(@PathVariable String groupId,
                                                        @Valid @RequestBody ScheduleMeeting body) {
        String id = UUID.randomUUID().toString();
        List<AgendaItem> agenda = new ArrayList<>();
        body.agenda().forEach(title -> agenda.add(new AgendaItem(UUID.randomUUID().toString(), title.strip())));
        commands.sendAndWait(new ScheduleMeetingCommand(groupId, id, body.heldOn(), body.place().strip(), agenda));
        return SteeringGroupController.created(id, "/api/steering/groups/{g}/meetings/{id}", groupId, id);
    }

    @PutMapping("/groups/{groupId}/meetings/{meetingId}/attendance")
    public ResponseEntity<Void> attendance(@PathVariable String groupId, @PathVariable String meetingId,
                                           @Valid @RequestBody Attendance body) {
        commands.sendAndWait(new RecordAttendanceCommand(groupId, meetingId, body.presentMemberIds()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/groups/{groupId}/meetings/{meetingId}/agenda/{itemId}/minutes")
    public ResponseEntity<Void> minutes(@PathVariable String groupId, @PathVariable String meetingId,
                                        @PathVariable String itemId, @Valid @RequestBody Minutes body) {
        commands.sendAndWait(new RecordMinutesCommand(groupId, meetingId, itemId, body.text()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/decisions")
    public ResponseEntity<Map<String, Object>> decide(@PathVariable String groupId, @PathVariable String meetingId,
                                                      @Valid @RequestBody TakeDecision body) {
        plans.requireLink(context.tenant(), body.goalId(), body.measureId());
        String id = UUID.randomUUID().toString();
        List<TaskSpec> tasks = new ArrayList<>();
        (body.tasks() == null ? List.<Task>of() : body.tasks()).forEach(t -> tasks.add(
                new TaskSpec(UUID.randomUUID().toString(), t.title().strip(), t.ownerMemberId(), t.dueOn())));
        commands.sendAndWait(new TakeDecisionCommand(groupId, meetingId, id, body.agendaItemId(), body.subject().strip(),
                body.text(), body.goalId(), body.measureId(), tasks));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("taskIds", tasks.stream().map(TaskSpec::taskId).toList());
        return ResponseEntity.created(org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/api/steering/decisions/{id}").buildAndExpand(id).toUri()).body(answer);
    }

    @PutMapping("/groups/{groupId}/tasks/{taskId}/done")
    public ResponseEntity<Void> done(@PathVariable String groupId, @PathVariable String taskId) {
        commands.sendAndWait(new CompleteTaskCommand(groupId, taskId, LocalDate.now(clock)));
        return ResponseEntity.noContent().build();
    }
}
