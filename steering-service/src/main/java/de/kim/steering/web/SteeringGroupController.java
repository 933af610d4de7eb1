package de.kim.steering.web;

import de.kim.steering.api.AddMemberCommand;
import de.kim.steering.api.ChangeMemberCommand;
import de.kim.steering.api.RemoveMemberCommand;
import de.kim.contracts.vocabulary.Body;
import de.kim.steering.api.FormGroupCommand;
import de.kim.contracts.vocabulary.MemberRole;
import de.kim.steering.query.groups.DecisionView;
import de.kim.steering.query.groups.GroupView;
import de.kim.steering.query.groups.SteeringGroups;
import de.kim.steering.query.groups.TaskView;
import de.kim.steering.web.docs.SteeringGroupApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The Lenkungsgruppe and the project groups of a Kommune with their members, and the lists a
 * steering member works from: the decisions of all groups (those recorded before meetings were
 * kept too) and the tasks they gave.
 */
@RestController
@RequestMapping("/api/steering")
public class SteeringGroupController implements SteeringGroupApi {

    private final CommandGateway commands;
    private final SteeringGroups groups;
    private final FiguresController context;
    private final Clock clock;

    public SteeringGroupController(CommandGateway commands, SteeringGroups groups, FiguresController context,
                                   Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.context = context;
        this.clock = clock;
    }

    /** {@code POST /groups}. */
    public record FormGroup(@NotNull Body body, @NotBlank @Size(max = 200) String name) {
    }

    /** {@code POST /groups/{groupId}/members}: a person of staff in their function, never a client. */
    public record AddMember(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String organisation,
                            @NotNull MemberRole role) {
    }

    /** {@code PUT /groups/{groupId}/members/{memberId}}: the member's organisation and role now. */
    public record ChangeMember(@NotBlank @Size(max = 200) String organisation, @NotNull MemberRole role) {
    }

    @GetMapping("/groups")
    public SteeringGroups.Page<GroupView> groups(@RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return groups.groups(context.tenant(), paging.page(), paging.size());
    }

    @GetMapping("/groups/{groupId}")
    public GroupView group(@PathVariable String groupId) {
        return groups.group(context.tenant(), groupId);
    }

    @PostMapping("/groups")
    public ResponseEntity<Map<String, String>> form(@Valid @RequestBody FormGroup body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new FormGroupCommand(id, body.body(), body.name().strip()));
        return created(id, "/api/steering/groups/{id}", id);
    }

    @PostMapping("/groups/{groupId}/members")
    public ResponseEntity<Map<String, String>> addMember(@PathVariable String groupId, @Valid @RequestBody AddMember body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new AddMemberCommand(groupId, id, body.name().strip(), body.organisation().strip(),
                body.role()));
        return created(id, "/api/steering/groups/{groupId}", groupId);
    }

    @PutMapping("/groups/{groupId}/members/{memberId}")
    public ResponseEntity<Void> changeMember(@PathVariable String groupId, @PathVariable String memberId,
                                             @Valid @RequestBody ChangeMember body) {
        commands.sendAndWait(new ChangeMemberCommand(groupId, memberId, body.organisation().strip(), body.role()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/groups/{groupId}/members/{memberId}")
    public ResponseEntity<Void> removeMember(@PathVariable String groupId, @PathVariable String memberId) {
        commands.sendAndWait(new RemoveMemberCommand(groupId, memberId, LocalDate.now(clock)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/decisions")
    public SteeringGroups.Page<DecisionView> decisions(@RequestParam(required = false) String meetingId,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return groups.decisions(context.tenant(), meetingId, paging.page(), paging.size());
    }

    @GetMapping("/decisions/{decisionId}")
    public DecisionView decision(@PathVariable String decisionId) {
        return groups.decision(context.tenant(), decisionId);
    }

    @GetMapping("/tasks")
    public SteeringGroups.Page<TaskView> tasks(@RequestParam(required = false) Boolean open,
                                               @RequestParam(required = false) String meetingId,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return groups.tasks(context.tenant(), open, meetingId, paging.page(), paging.size());
    }

    static ResponseEntity<Map<String, String>> created(String id, String path, Object... variables) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path).buildAndExpand(variables).toUri()).body(Map.of("id", id));
    }
}
