package de.kim.cases.command;

import de.kim.cases.api.AchieveGoalCommand;
import de.kim.cases.api.AgreeIntegrationPlanCommand;
import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.DropGoalCommand;
import de.kim.cases.api.EntrustedItem;
import de.kim.cases.api.GoalAchievedEvent;
import de.kim.cases.api.GoalDroppedEvent;
import de.kim.cases.api.GoalId;
import de.kim.cases.api.IntegrationPlanAgreedEvent;
import de.kim.cases.api.MarkedEntrustedEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.NeedResolvedEvent;
import de.kim.cases.api.NeedUpdatedEvent;
import de.kim.cases.api.PlannedGoal;
import de.kim.cases.api.ResolveNeedCommand;
import de.kim.cases.api.UpdateNeedCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.privacy.Sealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The client's needs (by field of action) and the integration plan agreed with them: its goals,
 * each open until achieved or dropped. A referral is made for an open need.
 */
class NeedsAndPlan {

    private final CaseRef caseRef;
    private final Map<NeedId, Need> needs = new HashMap<>();
    private final Map<GoalId, Goal> goals = new LinkedHashMap<>();

    /** A need as the rules need it; its description sealed. */
    record Need(FieldOfAction field, Sealed description, boolean resolved) {
    }

    private record Goal(FieldOfAction field, boolean open) {
    }

    NeedsAndPlan(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(AssessNeedCommand command, Clock clock, CaseTexts texts) {
        if (needs.containsKey(command.needId())) {
            throw new ConflictException("case.need.exists");
        }
        apply(new NeedAssessedEvent(caseRef.id(), command.needId(), command.fieldOfAction(), command.priority(),
                caseRef.seal(texts, command.description()), LocalDate.now(clock)));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(caseRef.id(), EntrustedItem.NEED, command.needId().value(),
                    LocalDate.now(clock)));
        }
    }

    @CommandHandler
    void handle(UpdateNeedCommand command, CaseTexts texts) {
        openNeed(command.needId());
        apply(new NeedUpdatedEvent(caseRef.id(), command.needId(), command.priority(),
                caseRef.seal(texts, command.description())));
    }

    @CommandHandler
    void handle(ResolveNeedCommand command, Clock clock) {
        Need need = openNeed(command.needId());
        apply(new NeedResolvedEvent(caseRef.id(), command.needId(), need.field(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AgreeIntegrationPlanCommand command, Clock clock, CaseTexts texts) {
        if (command.agreedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("agreedOn", "case.plan.agreed-in-future");
        }
        Set<GoalId> seen = new HashSet<>();
        for (int i = 0; i < command.goals().size(); i++) {
            PlannedGoal goal = command.goals().get(i);
            if (goal.targetDate().isBefore(command.agreedOn())) {
                throw new InvalidInputException("goals[" + i + "].targetDate", "case.plan.target-before-agreement");
            }
            Goal existing = goals.get(goal.goalId());
            if (!seen.add(goal.goalId()) || (existing != null && !existing.open())) {
                throw new ConflictException("case.plan.goal-not-open");
            }
        }
        apply(new IntegrationPlanAgreedEvent(caseRef.id(), command.goals().stream()
                .map(g -> new IntegrationPlanAgreedEvent.AgreedGoal(g.goalId(), g.fieldOfAction(),
                        caseRef.seal(texts, g.description()), g.targetDate()))
                .toList(), command.agreedOn()));
    }

    @CommandHandler
    void handle(AchieveGoalCommand command, Clock clock) {
        Goal goal = openGoal(command.goalId());
        if (command.achievedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("achievedOn", "case.goal.achieved-in-future");
        }
        apply(new GoalAchievedEvent(caseRef.id(), command.goalId(), goal.field(), command.achievedOn()));
    }

    @CommandHandler
    void handle(DropGoalCommand command, CaseTexts texts) {
        Goal goal = openGoal(command.goalId());
        apply(new GoalDroppedEvent(caseRef.id(), command.goalId(), goal.field(),
                caseRef.seal(texts, command.reason())));
    }

    /** Whether the case has the need, open or resolved. */
    boolean has(NeedId needId) {
        return needs.containsKey(needId);
    }

    /** The need, refused if the case has no such need or it is resolved. */
    Need openNeed(NeedId needId) {
        Need need = needs.get(needId);
        if (need == null) {
            throw new NotFoundException("case.need.not-found");
        }
        if (need.resolved()) {
            throw new ConflictException("case.need.resolved");
        }
        return need;
    }

    private Goal openGoal(GoalId goalId) {
        Goal goal = goals.get(goalId);
        if (goal == null) {
            throw new NotFoundException("case.goal.not-found");
        }
        if (!goal.open()) {
            throw new ConflictException("case.goal.not-open");
        }
        return goal;
    }

    @EventSourcingHandler
    void on(NeedAssessedEvent e) {
        needs.put(e.needId(), new Need(e.fieldOfAction(), e.description(), false));
    }

    @EventSourcingHandler
    void on(NeedUpdatedEvent e) {
        Need need = needs.get(e.needId());
        needs.put(e.needId(), new Need(need.field(), e.description(), false));
    }

    @EventSourcingHandler
    void on(NeedResolvedEvent e) {
        needs.put(e.needId(), new Need(e.fieldOfAction(), needs.get(e.needId()).description(), true));
    }

    @EventSourcingHandler
    void on(IntegrationPlanAgreedEvent e) {
        for (IntegrationPlanAgreedEvent.AgreedGoal goal : e.goals()) {
            goals.put(goal.goalId(), new Goal(goal.fieldOfAction(), true));
        }
    }

    @EventSourcingHandler
    void on(GoalAchievedEvent e) {
        goals.put(e.goalId(), new Goal(e.fieldOfAction(), false));
    }

    @EventSourcingHandler
    void on(GoalDroppedEvent e) {
        goals.put(e.goalId(), new Goal(e.fieldOfAction(), false));
    }
}
