package de.kim.steering.query;

import de.kim.contracts.vocabulary.Body;
import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.contracts.vocabulary.Metric;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The action plan of a tenant as recorded: goals with measures and indicators, and the decisions. */
@Document("action_plans")
public class ActionPlanView {

    @Id
    public String id;
    public List<Goal> goals = new ArrayList<>();
    public List<Decision> decisions = new ArrayList<>();
    /** The number of the version in force (0 before the first adoption) and of the open draft (0 if none). */
    public int inForce;
    public int draft;

    /** A goal of the plan. */
    public static class Goal {
        public String id;
        public String title;
        public String description;
        public String fieldOfAction;
        public List<Measure> measures = new ArrayList<>();
        public List<Indicator> indicators = new ArrayList<>();
    }

    /** A measure towards a goal. */
    public record Measure(String id, String title, String responsible, LocalDate dueOn, MeasureStatus status) {
    }

    /** An indicator: a steering figure, its target, the period ({@code YYYY-MM}, either end open) and the town. */
    public record Indicator(String id, Metric metric, Direction direction, long target, String from, String to,
                            String town) {

        Period period() {
            return new Period(from == null ? null : YearMonth.parse(from), to == null ? null : YearMonth.parse(to));
        }
    }

    /** A dated decision of the steering group or a project group; one taken in a meeting names it. */
    public record Decision(String id, Body body, LocalDate decidedOn, String subject, String text, String goalId,
                           String meetingId) {
    }
}
