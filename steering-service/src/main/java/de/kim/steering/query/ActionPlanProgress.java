package de.kim.steering.query;

import de.kim.contracts.vocabulary.Direction;
import de.kim.steering.query.SmallCellSuppression.Cell;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The action plan with each indicator's progress, computed from the facts when asked. The
 * current value follows the small-cell rule, and so does the progress: a percentage of a
 * known target would otherwise reveal a suppressed count.
 */
@Component
public class ActionPlanProgress {

    private final ReadModelDatabase database;
    private final SteeringFigures figures;

    public ActionPlanProgress(@Qualifier("actionPlanDatabase") ReadModelDatabase database, SteeringFigures figures) {
        this.database = database;
        this.figures = figures;
    }

    /**
     * The plan as the steering group sees it: as it stands, with the number of the version in force
     * (0 before the first adoption) and of the open draft (0 if none).
     */
    public record Plan(String tenant, List<Goal> goals, List<ActionPlanView.Decision> decisions, int inForce, int draft) {
    }

    /** A goal with its measures and its indicators' progress. */
    public record Goal(String id, String title, String description, String fieldOfAction,
                       List<ActionPlanView.Measure> measures, List<Progress> indicators) {
    }

    /**
     * An indicator and where it stands.
     *
     * @param percent the value as a share of the target (for {@code AT_LEAST}); null where the value is suppressed
     * @param met     whether the target is met; null where the value is suppressed
     */
    public record Progress(ActionPlanView.Indicator indicator, Cell current, Integer percent, Boolean met) {
    }

    public Plan of(String tenant) {
        ActionPlanView plan = mongo().findById(tenant, ActionPlanView.class);
        if (plan == null) {
            return new Plan(tenant, List.of(), List.of(), 0, 0);
        }
        TenantFacts facts = figures.load(tenant);
        return new Plan(tenant, goals(facts, plan.goals), plan.decisions, plan.inForce, plan.draft);
    }

    /** Goals with each indicator's progress, counted from the facts. */
    List<Goal> goals(TenantFacts facts, List<ActionPlanView.Goal> goals) {
        return goals.stream().map(g -> new Goal(g.id, g.title, g.description, g.fieldOfAction,
                g.measures, g.indicators.stream().map(i -> progress(facts, i)).toList())).toList();
    }

    /**
     * Checks that a goal (and a measure of it) is in the tenant's plan as it stands, for what links
     * to it from elsewhere (a meeting's decision and its tasks).
     */
    public void requireLink(String tenant, String goalId, String measureId) {
        if (goalId == null) {
            if (measureId != null) {
                throw new de.kim.platform.domain.InvalidInputException("goalId", "steering.measure.goal-missing");
            }
            return;
        }
        ActionPlanView plan = mongo().findById(tenant, ActionPlanView.class);
        ActionPlanView.Goal goal = plan == null ? null
                : plan.goals.stream().filter(g -> g.id.equals(goalId)).findFirst().orElse(null);
        if (goal == null) {
            throw new de.kim.platform.domain.NotFoundException("steering.goal.not-found");
        }
        if (measureId != null && goal.measures.stream().noneMatch(m -> m.id().equals(measureId))) {
            throw new de.kim.platform.domain.NotFoundException("steering.measure.not-found");
        }
    }

    private Progress progress(TenantFacts facts, ActionPlanView.Indicator indicator) {
        long value = figures.metric(facts, indicator.metric(), indicator.period(), indicator.town());
        Cell current = Cell.of(value, figures.threshold());
        if (current.suppressed()) {
            return new Progress(indicator, current, null, null);
        }
        boolean atLeast = indicator.direction() == Direction.AT_LEAST;
        Integer percent = atLeast && indicator.target() > 0 ? (int) Math.min(999, value * 100 / indicator.target()) : null;
        return new Progress(indicator, current, percent, atLeast ? value >= indicator.target() : value <= indicator.target());
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
