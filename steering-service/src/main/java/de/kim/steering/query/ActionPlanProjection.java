package de.kim.steering.query;

import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.steering.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the action plans in MongoDB from the plan's events; the plan lives in steering's own
 * database, not in the facts a rebuild replaces. Entries are keyed by id, so an event applied
 * twice changes nothing. Each adopted version keeps the goals as they stood at its adoption.
 */
@Component
@ProcessingGroup("action-plan")
public class ActionPlanProjection {

    private final ReadModelDatabase database;

    public ActionPlanProjection(@Qualifier("actionPlanDatabase") ReadModelDatabase database) {
        this.database = database;
    }

    @EventHandler
    void on(GoalAdoptedEvent e) {
        change(e.planId(), plan -> {
            if (goal(plan, e.goalId()) == null) {
                ActionPlanView.Goal goal = new ActionPlanView.Goal();
                goal.id = e.goalId();
                goal.title = e.title();
                goal.description = e.description();
                goal.fieldOfAction = e.fieldOfAction();
                plan.goals.add(goal);
            }
        });
    }

    @EventHandler
    void on(MeasureAddedEvent e) {
        change(e.planId(), plan -> {
            ActionPlanView.Goal goal = goal(plan, e.goalId());
            goal.measures.removeIf(m -> m.id().equals(e.measureId()));
            goal.measures.add(new ActionPlanView.Measure(e.measureId(), e.title(), e.responsible(), e.dueOn(),
                    MeasureStatus.PLANNED));
        });
    }

    @EventHandler
    void on(MeasureStatusChangedEvent e) {
        change(e.planId(), plan -> goal(plan, e.goalId()).measures.replaceAll(m -> m.id().equals(e.measureId())
                ? new ActionPlanView.Measure(m.id(), m.title(), m.responsible(), m.dueOn(), e.status()) : m));
    }

    @EventHandler
    void on(IndicatorBoundEvent e) {
        change(e.planId(), plan -> {
            ActionPlanView.Goal goal = goal(plan, e.goalId());
            goal.indicators.removeIf(i -> i.id().equals(e.indicatorId()));
            goal.indicators.add(new ActionPlanView.Indicator(e.indicatorId(), e.metric(), e.direction(), e.target(),
                    e.from() == null ? null : e.from().toString(), e.to() == null ? null : e.to().toString(), e.town()));
        });
    }

    @EventHandler
    void on(DecisionRecordedEvent e) {
        change(e.planId(), plan -> {
            plan.decisions.removeIf(d -> d.id().equals(e.decisionId()));
            plan.decisions.add(new ActionPlanView.Decision(e.decisionId(), e.body(), e.decidedOn(), e.subject(),
                    e.text(), e.goalId(), null));
            plan.decisions.sort(Comparator.comparing(ActionPlanView.Decision::decidedOn).reversed());
        });
    }

    /** A meeting's decision joins the plan's decisions next to those recorded on their own. */
    @EventHandler
    void on(MeetingDecisionRecordedEvent e) {
        change(e.planId(), plan -> {
            plan.decisions.removeIf(d -> d.id().equals(e.decisionId()));
            plan.decisions.add(new ActionPlanView.Decision(e.decisionId(), e.body(), e.decidedOn(), e.subject(),
                    e.text(), e.goalId(), e.meetingId()));
            plan.decisions.sort(Comparator.comparing(ActionPlanView.Decision::decidedOn).reversed());
        });
    }

    @EventHandler
    void on(PlanDraftStartedEvent e) {
        change(e.planId(), plan -> plan.draft = e.version());
        if (mongo().findById(PlanVersionView.idOf(e.planId(), e.version()), PlanVersionView.class) == null) {
            PlanVersionView version = new PlanVersionView();
            version.id = PlanVersionView.idOf(e.planId(), e.version());
            version.tenant = e.planId();
            version.number = e.version();
            version.status = PlanVersionView.Status.DRAFT;
            mongo().save(version);
        }
    }

    @EventHandler
    void on(GoalChangedEvent e) {
        change(e.planId(), plan -> {
            ActionPlanView.Goal goal = goal(plan, e.goalId());
            goal.title = e.title();
            goal.description = e.description();
            goal.fieldOfAction = e.fieldOfAction();
        });
    }

    @EventHandler
    void on(GoalRetiredEvent e) {
        change(e.planId(), plan -> plan.goals.removeIf(g -> g.id.equals(e.goalId())));
    }

    @EventHandler
    void on(IndicatorChangedEvent e) {
        change(e.planId(), plan -> goal(plan, e.goalId()).indicators.replaceAll(i -> i.id().equals(e.indicatorId())
                ? new ActionPlanView.Indicator(e.indicatorId(), e.metric(), e.direction(), e.target(),
                e.from() == null ? null : e.from().toString(), e.to() == null ? null : e.to().toString(), e.town())
                : i));
    }

    @EventHandler
    void on(IndicatorRetiredEvent e) {
        change(e.planId(), plan -> goal(plan, e.goalId()).indicators.removeIf(i -> i.id().equals(e.indicatorId())));
    }

    /** The plan as it stands becomes the adopted version; a replayed adoption finds it adopted and keeps it. */
    @EventHandler
    void on(PlanVersionAdoptedEvent e) {
        PlanVersionView version = mongo().findById(PlanVersionView.idOf(e.planId(), e.version()), PlanVersionView.class);
        if (version != null && version.status == PlanVersionView.Status.ADOPTED) {
            return;
        }
        ActionPlanView plan = mongo().findById(e.planId(), ActionPlanView.class);
        if (version == null) {
            version = new PlanVersionView();
            version.id = PlanVersionView.idOf(e.planId(), e.version());
            version.tenant = e.planId();
            version.number = e.version();
        }
        version.status = PlanVersionView.Status.ADOPTED;
        version.adoptedOn = e.adoptedOn();
        version.decisionId = e.decisionId();
        version.meetingId = e.meetingId();
        version.goals = plan == null ? List.of() : plan.goals;
        mongo().save(version);
        change(e.planId(), p -> {
            p.inForce = e.version();
            p.draft = 0;
        });
    }

    @ResetHandler
    void reset() {
        mongo().dropCollection(ActionPlanView.class);
        mongo().dropCollection(PlanVersionView.class);
    }

    private void change(String planId, Consumer<ActionPlanView> change) {
        ActionPlanView plan = mongo().findById(planId, ActionPlanView.class);
        if (plan == null) {
            plan = new ActionPlanView();
            plan.id = planId;
        }
        change.accept(plan);
        mongo().save(plan);
    }

    private static ActionPlanView.Goal goal(ActionPlanView plan, String goalId) {
        return plan.goals.stream().filter(g -> g.id.equals(goalId)).findFirst().orElse(null);
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
