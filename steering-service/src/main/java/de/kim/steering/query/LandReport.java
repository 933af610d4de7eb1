package de.kim.steering.query;

import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.Facts.ReferralFact;
import de.kim.steering.query.SmallCellSuppression.Cell;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.GroupBy;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The report to the Land (Landesbericht) of one Kommune and year, in the structure of the state
 * programme's reporting: 1. cases (opened, open on 31 December, closed) by target group and access
 * route, 2. needs by field of action, 3. outcomes, 4. counselling contacts and hours, 5. network
 * partners and referrals. Every table is a view of the same protected figures the steering pages
 * and exports show (so no combination gives a small count away), with its total and a row
 * "nicht ausgewiesen" wherever a part is suppressed.
 */
@Component
public class LandReport {

    static final String PARTNER_KIND = "PARTNER_KIND";

    private final SteeringFigures figures;
    private final CounsellingFigures counselling;
    private final ReferralFlows flows;

    public LandReport(SteeringFigures figures, CounsellingFigures counselling, ReferralFlows flows) {
        this.figures = figures;
        this.counselling = counselling;
        this.flows = flows;
    }

    /** One table: a German title and its figure (total and groups). */
    public record Table(String name, String title, Figure figure) {
    }

    /** One numbered section of the report. */
    public record Section(String name, String title, List<Table> tables) {
    }

    /**
     * The report: the Kommune in words, the year, the day it was made, how small counts are protected.
     */
    public record Report(String kommune, int year, LocalDate generatedOn, String method, List<Section> sections) {
    }

    public Report of(String tenant, String kommune, Year year) {
        ReportingPeriod period = ReportingPeriod.year(year.getValue());
        TenantFacts facts = figures.load(tenant);
        CaseFigures byGroup = figures.figures(facts, period, null, GroupBy.TARGET_GROUP);
        CaseFigures byRoute = figures.figures(facts, period, null, GroupBy.ACCESS_ROUTE);
        CaseFigures byField = figures.figures(facts, period, null, GroupBy.FIELD_OF_ACTION);
        CounsellingFigures.Counselling contacts = counselling.of(facts, period, null, "KIND");
        List<Section> sections = List.of(
                section("cases",
                        table("casesOpenedByTargetGroup", byGroup.casesOpened()),
                        table("casesOpenByTargetGroup", byGroup.casesOpen()),
                        table("casesClosedByTargetGroup", byGroup.casesClosed()),
                        table("casesOpenedByAccessRoute", byRoute.casesOpened()),
                        table("casesOpenByAccessRoute", byRoute.casesOpen()),
                        table("casesClosedByAccessRoute", byRoute.casesClosed())),
                section("fields", table("needsByField", byField.needsAssessed())),
                section("outcomes", table("casesClosedByOutcome", byGroup.closedByOutcome())),
                section("counselling",
                        table("contactsByKind", contacts.contacts()),
                        table("hoursByKind", contacts.hours())),
                network(facts, period));
        return new Report(kommune, year.getValue(), figures.today(), label("method", figures.threshold()), sections);
    }

    private Section network(TenantFacts facts, ReportingPeriod period) {
        List<ReferralFlows.ReferralFlow> rows = flows.of(facts, period, null);
        List<ReferralFact> referrals = facts.of(ReferralFact.class).stream()
                .filter(r -> SteeringFigures.inYear(r.madeOn, period.year())).toList();
        return section("network",
                table("activePartnersByKind", partnersByKind(facts, period)),
                table("referralsMade", column(rows, ReferralFlows.ReferralFlow::made, referrals.size())),
                table("referralsAccepted", column(rows, ReferralFlows.ReferralFlow::accepted,
                        count(referrals, Set.of("ACCEPTED", "COMPLETED")))),
                table("referralsDeclined", column(rows, ReferralFlows.ReferralFlow::declined,
                        count(referrals, Set.of("DECLINED")))));
    }

    /**
     * The active partners (as of today: the register keeps no history) by kind, protected like every
     * other table: the counts of organisations are not personal, but a kind with one to four
     * partners in a small Kommune comes close to naming them, and a referral table by partner could
     * then be read as one by kind. A partner known only from version 1 of PartnerRegistered counts
     * under "Art nicht bekannt".
     */
    private Figure partnersByKind(TenantFacts facts, ReportingPeriod period) {
        FigureCube cube = new FigureCube(period.year(), false, List.of(PARTNER_KIND), figures.threshold());
        YearMonth now = figures.currentMonth();
        YearMonth asOf = period.last().isAfter(now) ? now : period.last();
        facts.of(PartnerFact.class).stream().filter(p -> p.active)
                .forEach(p -> cube.add(null, Map.of(PARTNER_KIND, p.kind == null ? "UNKNOWN" : p.kind), asOf));
        return Figure.of(cube.protect(), null, PARTNER_KIND, period, now, figures.labels());
    }

    /**
     * One column of the referral flows (made, accepted or declined) by partner and field, with the
     * cells exactly as the flows show them. Its total is a sum the flows do not publish: it is
     * withheld where the suppressed rows together hold fewer than the threshold, since the total
     * minus the shown rows would give them away.
     */
    private Figure column(List<ReferralFlows.ReferralFlow> rows, Function<ReferralFlows.ReferralFlow, Cell> cell,
                          long total) {
        List<Figure.Group> groups = new ArrayList<>();
        for (ReferralFlows.ReferralFlow r : rows) {
            Cell c = cell.apply(r);
            if (c.suppressed() || c.count() > 0) {
                groups.add(new Figure.Group(r.partnerId() + "/" + r.fieldOfAction(),
                        r.partnerName() + " – " + r.fieldLabel(), c));
            }
        }
        long shown = groups.stream().filter(g -> !g.value().suppressed()).mapToLong(g -> g.value().count()).sum();
        long rest = total - shown;
        Cell totalCell = total > 0 && total < figures.threshold() ? Cell.small(figures.threshold())
                : rest > 0 && rest < figures.threshold() ? Cell.withheld() : Cell.shown(total);
        if (groups.stream().anyMatch(g -> g.value().suppressed())) {
            groups.add(new Figure.Group(Figure.SUPPRESSED, figures.labels().of("", Figure.SUPPRESSED),
                    totalCell.suppressed() ? Cell.withheld() : Cell.shown(rest)));
        }
        return new Figure(totalCell, groups);
    }

    private static long count(List<ReferralFact> referrals, Set<String> statuses) {
        return referrals.stream().filter(r -> statuses.contains(r.status)).count();
    }

    private Section section(String name, Table... tables) {
        return new Section(name, label("section." + name), List.of(tables));
    }

    private Table table(String name, Figure figure) {
        return new Table(name, label("table." + name), figure);
    }

    private String label(String key, Object... args) {
        return figures.labels().message("steering.land." + key, args);
    }
}
