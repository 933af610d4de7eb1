package de.kim.steering.web;

import de.kim.contracts.vocabulary.Body;
import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.steering.web.docs.ActionPlanApi;
import de.kim.steering.api.*;
import de.kim.steering.query.ActionPlanProgress;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The steering group's action plan (Handlungskonzept): goals, measures, indicators with progress, decisions. */
@RestController
@RequestMapping("/api/steering/action-plan")
public class ActionPlanController implements ActionPlanApi {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final CommandGateway commands;
    private final ActionPlanProgress plans;
    private final FiguresController context;

    public ActionPlanController(CommandGateway commands, ActionPlanProgress plans, FiguresController context) {
        this.commands = commands;
        this.plans = plans;
        this.context = context;
    }

    /** {@code POST …/goals}. */
    public record AdoptGoal(@NotBlank @Size(max = 300) String title, @Size(max = 3000) String description,
                            @Pattern(regexp = "[A-Z_]{2,40}") String fieldOfAction) {
    }

    /** {@code POST …/goals/{goalId}/measures}. */
    public record AddMeasure(@NotBlank @Size(max = 300) String title, @Size(max = 200) String responsible,
                             LocalDate dueOn) {
    }

    /** {@code PUT …/goals/{goalId}/measures/{measureId}/status}. */
    public record MeasureStatusChange(@NotNull MeasureStatus status) {
    }

    /** {@code POST …/goals/{goalId}/indicators}: months as {@code YYYY-MM}. */
    public record BindIndicator(@NotNull Metric metric, @NotNull Direction direction, @NotNull @PositiveOrZero Long target,
                                @Pattern(regexp = MONTH) String from, @Pattern(regexp = MONTH) String to,
                                @Size(max = 100) String town) {
    }

    /** {@code POST …/decisions}. */
    public record RecordDecision(@NotNull Body body, @NotNull LocalDate decidedOn, @NotBlank @Size(max = 300) String subject,
                                 @NotBlank @Size(max = 5000) String text, String goalId) {
    }

    @GetMapping
    public ActionPlanProgress.Plan plan() {
        return plans.of(context.tenant());
    }

    @PostMapping("/goals")
    public ResponseEntity<Map<String, String>> adopt(@Valid @RequestBody AdoptGoal body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new AdoptGoalCommand(context.tenant(), id, body.title(), body.description(),
                body.fieldOfAction()));
        return created(id, "/goals/{id}", id);
    }

    @PostMapping("/goals/{goalId}/measures")
    public ResponseEntity<Map<String, String>> addMeasure(@PathVariable String goalId,
                                                          @Valid @RequestBody AddMeasure body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new AddMeasureCommand(context.tenant(), goalId, id, body.title(), body.responsible(),
                body.dueOn()));
        return created(id, "/goals/{goalId}/measures/{id}", goalId, id);
    }

    @PutMapping("/goals/{goalId}/measures/{measureId}/status")
    public ResponseEntity<Void> changeStatus(@PathVariable String goalId, @PathVariable String measureId,
                                             @Valid @RequestBody MeasureStatusChange body) {
        commands.sendAndWait(new ChangeMeasureStatusCommand(context.tenant(), goalId, measureId, body.status()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/goals/{goalId}/indicators")
    public ResponseEntity<Map<String, String>> bind(@PathVariable String goalId, @Valid @RequestBody BindIndicator body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new BindIndicatorCommand(context.tenant(), goalId, id, body.metric(), body.direction(),
                body.target(), FiguresController.monthRange(body.from(), body.to()).from(),
                FiguresController.monthRange(body.from(), body.to()).to(), body.town()));
        return created(id, "/goals/{goalId}/indicators/{id}", goalId, id);
    }

    @PostMapping("/decisions")
    public ResponseEntity<Map<String, String>> decide(@Valid @RequestBody RecordDecision body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordDecisionCommand(context.tenant(), id, body.body(), body.decidedOn(),
                body.subject(), body.text(), body.goalId()));
        return created(id, "/decisions/{id}", id);
    }

    private static ResponseEntity<Map<String, String>> created(String id, String path, Object... variables) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/steering/action-plan" + path).buildAndExpand(variables).toUri()).body(Map.of("id", id));
    }
}
