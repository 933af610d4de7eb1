package de.kim.steering.command;

import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The action plan (Handlungskonzept) of one Kommune: its goals, their measures and indicators,
 * and the dated decisions of the steering and project groups. One plan per tenant; it comes
 * into being with its first goal or decision. The plan is adopted in versions: goals and
 * indicators are changed or retired only in the open draft of the next version, which a
 * meeting's decision adopts on its day (new goals, measures and indicators join the plan as it
 * stands and are part of the next version adopted).
 */
@Aggregate
public class ActionPlanAggregate {

    @AggregateIdentifier
    private String planId;
    private final Set<String> goals = new HashSet<>();
    private final Map<String, MeasureStatus> measures = new HashMap<>();
    private final Set<String> indicators = new HashSet<>();
    private final Set<String> decisions = new HashSet<>();
    private int adopted;
    private int draft;
    private LocalDate lastAdoptedOn;

    protected ActionPlanAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdoptGoalCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        if (goals.contains(c.goalId())) {
            throw new ConflictException("steering.goal.exists");
        }
        apply(new GoalAdoptedEvent(c.planId(), c.goalId(), c.title(), c.description(), c.fieldOfAction()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordDecisionCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        if (decisions.contains(c.decisionId())) {
            throw new ConflictException("steering.decision.exists");
        }
        if (c.goalId() != null && !goals.contains(c.goalId())) {
            throw new NotFoundException("steering.goal.not-found");
        }
        apply(new DecisionRecordedEvent(c.planId(), c.decisionId(), c.body(), c.decidedOn(), c.subject(), c.text(),
                c.goalId()));
    }

    @CommandHandler
    void handle(AddMeasureCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireGoal(c.goalId());
        if (measures.containsKey(c.measureId())) {
            throw new ConflictException("steering.measure.exists");
        }
        apply(new MeasureAddedEvent(c.planId(), c.goalId(), c.measureId(), c.title(), c.responsible(), c.dueOn()));
    }

    @CommandHandler
    void handle(ChangeMeasureStatusCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireGoal(c.goalId());
        MeasureStatus current = measures.get(c.measureId());
        if (current == null) {
            throw new NotFoundException("steering.measure.not-found");
        }
        if (current == c.status()) {
            throw new ConflictException("steering.measure.unchanged");
        }
        if (current == MeasureStatus.DONE || current == MeasureStatus.DROPPED) {
            throw new ConflictException("steering.measure.finished");
        }
        apply(new MeasureStatusChangedEvent(c.planId(), c.goalId(), c.measureId(), c.status()));
    }

    @CommandHandler
    void handle(BindIndicatorCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireGoal(c.goalId());
        if (indicators.contains(c.indicatorId())) {
            throw new ConflictException("steering.indicator.exists");
        }
        if (c.target() < 0) {
            throw new InvalidInputException("target", "steering.indicator.target-negative");
        }
        if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
            throw new InvalidInputException("to", "steering.period.ends-before-it-starts");
        }
        apply(new IndicatorBoundEvent(c.planId(), c.goalId(), c.indicatorId(), c.metric(), c.direction(), c.target(),
                c.from(), c.to(), c.town()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(StartPlanDraftCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        if (draft != 0) {
            throw new ConflictException("steering.plan.draft-open", draft);
        }
        apply(new PlanDraftStartedEvent(c.planId(), adopted + 1));
        return adopted + 1;
    }

    @CommandHandler
    void handle(ChangeGoalCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireGoal(c.goalId());
        apply(new GoalChangedEvent(c.planId(), requireDraft(), c.goalId(), c.title(), c.description(), c.fieldOfAction()));
    }

    @CommandHandler
    void handle(RetireGoalCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireGoal(c.goalId());
        apply(new GoalRetiredEvent(c.planId(), requireDraft(), c.goalId()));
    }

    @CommandHandler
    void handle(ChangeIndicatorCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireIndicator(c.goalId(), c.indicatorId());
        if (c.target() < 0) {
            throw new InvalidInputException("target", "steering.indicator.target-negative");
        }
        if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
            throw new InvalidInputException("to", "steering.period.ends-before-it-starts");
        }
        apply(new IndicatorChangedEvent(c.planId(), requireDraft(), c.goalId(), c.indicatorId(), c.metric(),
                c.direction(), c.target(), c.from(), c.to(), c.town()));
    }

    @CommandHandler
    void handle(RetireIndicatorCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        requireIndicator(c.goalId(), c.indicatorId());
        apply(new IndicatorRetiredEvent(c.planId(), requireDraft(), c.goalId(), c.indicatorId()));
    }

    @CommandHandler
    void handle(AdoptPlanVersionCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOwnPlan(c.planId(), tenant);
        if (draft == 0 || c.version() != draft) {
            throw new NotFoundException("steering.plan.draft-not-found");
        }
        if (lastAdoptedOn != null && c.adoptedOn().isBefore(lastAdoptedOn)) {
            throw new InvalidInputException("decisionId", "steering.plan.adopted-before-previous");
        }
        apply(new PlanVersionAdoptedEvent(c.planId(), c.version(), c.adoptedOn(), c.decisionId(), c.meetingId()));
    }

    /** A plan belongs to its tenant; another tenant's plan is answered as a missing one. */
    private void requireOwnPlan(String plan, String tenant) {
        if (!plan.equals(tenant)) {
            throw new NotFoundException("steering.plan.not-found");
        }
    }

    private void requireGoal(String goalId) {
        if (!goals.contains(goalId)) {
            throw new NotFoundException("steering.goal.not-found");
        }
    }

    private void requireIndicator(String goalId, String indicatorId) {
        requireGoal(goalId);
        if (!indicators.contains(indicatorId)) {
            throw new NotFoundException("steering.indicator.not-found");
        }
    }

    /** The number of the open draft; without one, goals and indicators stay as adopted. */
    private int requireDraft() {
        if (draft == 0) {
            throw new ConflictException("steering.plan.no-draft");
        }
        return draft;
    }

    @EventSourcingHandler
    void on(GoalAdoptedEvent e) {
        planId = e.planId();
        goals.add(e.goalId());
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent e) {
        planId = e.planId();
        decisions.add(e.decisionId());
    }

    @EventSourcingHandler
    void on(MeasureAddedEvent e) {
        measures.put(e.measureId(), MeasureStatus.PLANNED);
    }

    @EventSourcingHandler
    void on(MeasureStatusChangedEvent e) {
        measures.put(e.measureId(), e.status());
    }

    @EventSourcingHandler
    void on(IndicatorBoundEvent e) {
        indicators.add(e.indicatorId());
    }

    @EventSourcingHandler
    void on(PlanDraftStartedEvent e) {
        planId = e.planId();
        draft = e.version();
    }

    @EventSourcingHandler
    void on(GoalRetiredEvent e) {
        goals.remove(e.goalId());
    }

    @EventSourcingHandler
    void on(IndicatorRetiredEvent e) {
        indicators.remove(e.indicatorId());
    }

    @EventSourcingHandler
    void on(PlanVersionAdoptedEvent e) {
        adopted = e.version();
        lastAdoptedOn = e.adoptedOn();
        draft = 0;
    }
}
