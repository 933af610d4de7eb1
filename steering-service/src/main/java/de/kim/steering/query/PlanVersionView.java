package de.kim.steering.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A version of a tenant's action plan: a draft while it is open, then adopted on a day by a
 * meeting's decision, holding the goals (with measures and indicators) as they stood at adoption.
 * Adopted versions never change again.
 */
@Document("action_plan_versions")
public class PlanVersionView {

    @Id
    public String id;
    public String tenant;
    public int number;
    public Status status;
    public LocalDate adoptedOn;
    public String decisionId;
    public String meetingId;
    public List<ActionPlanView.Goal> goals = new ArrayList<>();

    /** Whether the version is still being drafted or in force from its day of adoption. */
    public enum Status {
        DRAFT,
        ADOPTED
    }

    static String idOf(String tenant, int number) {
        return tenant + ":" + number;
    }
}
