package de.kim.steering.query;

import org.springframework.stereotype.Component;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The yearly report of one Kommune: the anonymised figures a state report on KIM asks for,
 * section by section (cases by month, town, target group and outcome; needs and goals by
 * field of action; referral flows; double funding; legal-domain changes; residence status
 * progressions; generative themes; durations), all with the small-cell rule applied.
 */
@Component
public class YearlyReport {

    private final SteeringFigures figures;
    private final ReferralFlows flows;
    private final PlanVersions plans;

    public YearlyReport(SteeringFigures figures, ReferralFlows flows, PlanVersions plans) {
        this.figures = figures;
        this.flows = flows;
        this.plans = plans;
    }

    /**
     * The action plan the year is compared against: the version in force on 31 December of the
     * year (number 0 and no goals where none was adopted by then), its indicators' progress.
     */
    public record PlanInForce(int number, String label, List<ActionPlanProgress.Goal> goals) {
    }

    /** One section: a German title and its figure. */
    public record Section(String name, String title, Figure figure) {
    }

    /** The report of a year. */
    public record Report(String tenant, int year, List<Section> sections, Durations openingToFirstReferral,
                         Durations openingToClosure, List<ReferralFlows.ReferralFlow> referralFlows,
                         PlanInForce actionPlan) {
    }

    public Report of(String tenant, Year year) {
        ReportingPeriod period = ReportingPeriod.year(year.getValue());
        TenantFacts facts = figures.load(tenant);
        SteeringFigures.CaseFigures byMonth = figures.figures(facts, period, null, SteeringFigures.GroupBy.MONTH);
        SteeringFigures.CaseFigures byTown = figures.figures(facts, period, null, SteeringFigures.GroupBy.TOWN);
        SteeringFigures.CaseFigures byGroup = figures.figures(facts, period, null, SteeringFigures.GroupBy.TARGET_GROUP);
        SteeringFigures.CaseFigures byField = figures.figures(facts, period, null, SteeringFigures.GroupBy.FIELD_OF_ACTION);
        SteeringFigures.CaseFigures byDomain = figures.figures(facts, period, null, SteeringFigures.GroupBy.LEGAL_DOMAIN);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("casesOpenedByMonth", "Fälle eröffnet nach Monat", byMonth.casesOpened()));
        sections.add(new Section("casesOpenedByTown", "Fälle eröffnet nach Ort", byTown.casesOpened()));
        sections.add(new Section("casesOpenedByTargetGroup", "Fälle eröffnet nach Zielgruppe", byGroup.casesOpened()));
        sections.add(new Section("casesClosedByOutcome", "Fälle abgeschlossen nach Ergebnis", byMonth.closedByOutcome()));
        // Open on 31 December of that year (today for the running year), from the cases' history.
        sections.add(new Section("casesOpenAtYearEnd", "Fälle offen am Jahresende nach Ort", byTown.casesOpen()));
        sections.add(new Section("needsByField", "Bedarfe nach Handlungsfeld", byField.needsAssessed()));
        sections.add(new Section("goalsReachedByField", "Ziele erreicht nach Handlungsfeld", byField.goalsReached()));
        sections.add(new Section("doubleFundingWarnings", "Warnungen Doppelförderung nach Monat",
                byMonth.doubleFundingWarnings()));
        sections.add(new Section("legalDomainChanges", "Rechtskreiswechsel", byDomain.legalDomainChanges()));
        SteeringFigures.StatusProgressions progressions = figures.statusProgressions(facts, period);
        sections.add(new Section("statusProgressionsByPathway", "Aufenthaltswechsel nach Weg", progressions.byPathway()));
        sections.add(new Section("chancenTransitions", "Übergänge aus dem Chancen-Aufenthaltsrecht (§ 104c) nach Weg",
                progressions.chancenTransitions()));
        sections.add(new Section("themes", "Generative Themen", figures.themes(facts, period)));
        return new Report(tenant, year.getValue(), sections, byMonth.openingToFirstReferral(), byMonth.openingToClosure(),
                flows.of(facts, period, null), planInForce(tenant, year, facts));
    }

    private PlanInForce planInForce(String tenant, Year year, TenantFacts facts) {
        return plans.inForceOn(tenant, year.atMonth(12).atEndOfMonth(), facts)
                .map(v -> new PlanInForce(v.number(), v.label(), v.goals()))
                .orElseGet(() -> new PlanInForce(0, figures.labels().message("steering.plan.version.none",
                        String.valueOf(year.getValue())), List.of()));
    }
}
