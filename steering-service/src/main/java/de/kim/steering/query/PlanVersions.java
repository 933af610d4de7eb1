package de.kim.steering.query;

import de.kim.platform.domain.NotFoundException;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a tenant's action plan (Handlungskonzept): the list, one version as adopted,
 * and the version in force on a day (the last adopted on or before it).
 */
@Component
public class PlanVersions {

    private final ReadModelDatabase database;
    private final ActionPlanProgress progress;
    private final SteeringFigures figures;
    private final FigureLabels labels;

    public PlanVersions(@Qualifier("actionPlanDatabase") ReadModelDatabase database, ActionPlanProgress progress,
                        SteeringFigures figures, FigureLabels labels) {
        this.database = database;
        this.progress = progress;
        this.figures = figures;
        this.labels = labels;
    }

    /** One version in words: "Fassung 2, beschlossen am 12.03.2026", or "Fassung 3 (Entwurf)". */
    public record Version(int number, PlanVersionView.Status status, String statusLabel, LocalDate adoptedOn,
                          String label, String decisionId, String meetingId, List<ActionPlanProgress.Goal> goals) {
    }

    /** A page of versions, newest first. */
    public record Versions(int page, int size, long total, List<Version> items) {
    }

    public Versions list(String tenant, int page, int size) {
        Query query = Query.query(Criteria.where("tenant").is(tenant));
        long total = mongo().count(query, PlanVersionView.class);
        List<PlanVersionView> found = mongo().find(query.with(Sort.by(Sort.Direction.DESC, "number"))
                .skip((long) page * size).limit(size), PlanVersionView.class);
        TenantFacts facts = figures.load(tenant);
        return new Versions(page, size, total, found.stream().map(v -> version(facts, v)).toList());
    }

    public Version one(String tenant, int number) {
        PlanVersionView version = mongo().findById(PlanVersionView.idOf(tenant, number), PlanVersionView.class);
        if (version == null || !tenant.equals(version.tenant)) {
            throw new NotFoundException("steering.plan.version-not-found");
        }
        return version(figures.load(tenant), version);
    }

    /** The version in force at the end of the day: the last one adopted on or before it. */
    public Optional<Version> inForceOn(String tenant, LocalDate day, TenantFacts facts) {
        Query query = Query.query(Criteria.where("tenant").is(tenant).and("status").is(PlanVersionView.Status.ADOPTED)
                .and("adoptedOn").lte(day)).with(Sort.by(Sort.Direction.DESC, "number")).limit(1);
        return mongo().find(query, PlanVersionView.class).stream().findFirst().map(v -> version(facts, v));
    }

    private Version version(TenantFacts facts, PlanVersionView v) {
        boolean adopted = v.status == PlanVersionView.Status.ADOPTED;
        String label = adopted
                ? labels.message("steering.plan.version.adopted", v.number, v.adoptedOn.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                : labels.message("steering.plan.version.draft", v.number);
        return new Version(v.number, v.status, labels.of("VERSION_STATUS", v.status.name()), v.adoptedOn, label,
                v.decisionId, v.meetingId, progress.goals(facts, adopted ? v.goals : standing(v.tenant)));
    }

    /** What a draft holds: the plan as it stands now, with the draft's changes. */
    private List<ActionPlanView.Goal> standing(String tenant) {
        ActionPlanView plan = mongo().findById(tenant, ActionPlanView.class);
        return plan == null ? List.of() : plan.goals;
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
