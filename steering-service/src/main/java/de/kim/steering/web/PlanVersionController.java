package de.kim.steering.web;

import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.api.*;
import de.kim.steering.query.PlanVersions;
import de.kim.steering.query.groups.DecisionView;
import de.kim.steering.query.groups.SteeringGroups;
import de.kim.steering.web.docs.PlanVersionApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * The versions of the action plan (Handlungskonzept): open the draft of the next version, change
 * or retire goals and indicators in it, adopt it by a meeting's decision; read every version.
 */
@RestController
@RequestMapping("/api/steering/action-plan")
public class PlanVersionController implements PlanVersionApi {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final CommandGateway commands;
    private final PlanVersions versions;
    private final SteeringGroups groups;
    private final FiguresController context;

    public PlanVersionController(CommandGateway commands, PlanVersions versions, SteeringGroups groups,
                                 FiguresController context) {
        this.commands = commands;
        this.versions = versions;
        this.groups = groups;
        this.context = context;
    }

    /** {@code PUT …/goals/{goalId}} in the open draft. */
    public record ChangeGoal(@NotBlank @Size(max = 300) String title, @Size(max = 3000) String description,
                             @Pattern(regexp = "[A-Z_]{2,40}") String fieldOfAction) {
    }

    /** {@code PUT …/goals/{goalId}/indicators/{indicatorId}} in the open draft: months as {@code YYYY-MM}. */
    public record ChangeIndicator(@NotNull Metric metric, @NotNull Direction direction,
                                  @NotNull @PositiveOrZero Long target, @Pattern(regexp = MONTH) String from,
                                  @Pattern(regexp = MONTH) String to, @Size(max = 100) String town) {
    }

    /**
     * {@code POST …/versions/{n}/adoption}: the meeting's decision that adopts the draft, and the group
     * whose meeting took it ({@code groupId}, optional: without it each of the tenant's groups is asked).
     */
    public record Adoption(@NotBlank String decisionId, @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String groupId) {
    }

    @GetMapping("/versions")
    public PlanVersions.Versions versions(@RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return versions.list(context.tenant(), paging.page(), paging.size());
    }

    @GetMapping("/versions/{number}")
    public PlanVersions.Version version(@PathVariable int number) {
        return versions.one(context.tenant(), number);
    }

    @PostMapping("/versions")
    public ResponseEntity<Map<String, Integer>> startDraft() {
        int number = commands.sendAndWait(new StartPlanDraftCommand(context.tenant()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/steering/action-plan/versions/{n}").buildAndExpand(number).toUri())
                .body(Map.of("version", number));
    }

    @PostMapping("/versions/{number}/adoption")
    public ResponseEntity<Void> adopt(@PathVariable int number, @Valid @RequestBody Adoption body) {
        String tenant = context.tenant();
        DecisionTaken decision = decision(tenant, body);
        commands.sendAndWait(new AdoptPlanVersionCommand(tenant, number, decision.decidedOn(), decision.decisionId(),
                decision.meetingId()));
        return ResponseEntity.noContent().build();
    }

    /**
     * The adopting decision as its group knows it (the command side, not the meetings' read model), so
     * that a decision just taken adopts at once. A decision recorded on its own, without a meeting, is a
     * 400; one no group of the tenant took, 404.
     */
    private DecisionTaken decision(String tenant, Adoption body) {
        List<String> asked = body.groupId() != null ? List.of(body.groupId())
                : groups.groups(tenant, 0, Paging.MAX_SIZE).items().stream().map(group -> group.id).toList();
        for (String group : asked) {
            DecisionTaken taken = commands.sendAndWait(new CheckDecisionCommand(group, body.decisionId()));
            if (taken != null) {
                return taken;
            }
        }
        DecisionView recorded = groups.decision(tenant, body.decisionId());
        if (recorded.meetingId == null) {
            throw new InvalidInputException("decisionId", "steering.decision.not-in-meeting");
        }
        throw new NotFoundException("steering.decision.not-found");
    }

    @PutMapping("/goals/{goalId}")
    public ResponseEntity<Void> changeGoal(@PathVariable String goalId, @Valid @RequestBody ChangeGoal body) {
        commands.sendAndWait(new ChangeGoalCommand(context.tenant(), goalId, body.title(), body.description(),
                body.fieldOfAction()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/goals/{goalId}/retirement")
    public ResponseEntity<Void> retireGoal(@PathVariable String goalId) {
        commands.sendAndWait(new RetireGoalCommand(context.tenant(), goalId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/goals/{goalId}/indicators/{indicatorId}")
    public ResponseEntity<Void> changeIndicator(@PathVariable String goalId, @PathVariable String indicatorId,
                                                @Valid @RequestBody ChangeIndicator body) {
        de.kim.steering.query.Period range = FiguresController.monthRange(body.from(), body.to());
        commands.sendAndWait(new ChangeIndicatorCommand(context.tenant(), goalId, indicatorId, body.metric(),
                body.direction(), body.target(), range.from(), range.to(), body.town()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/goals/{goalId}/indicators/{indicatorId}/retirement")
    public ResponseEntity<Void> retireIndicator(@PathVariable String goalId, @PathVariable String indicatorId) {
        commands.sendAndWait(new RetireIndicatorCommand(context.tenant(), goalId, indicatorId));
        return ResponseEntity.noContent().build();
    }
}
