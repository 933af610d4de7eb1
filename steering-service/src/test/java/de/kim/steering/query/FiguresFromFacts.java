package de.kim.steering.query;

import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.Facts.EventFact;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.GroupBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static de.kim.steering.query.SteeringFigures.*;

/**
 * The case figures, themes and counselling figures computed from every case fact, each case added
 * to the cubes one by one: the reference the counted figures are compared with, and the "before"
 * of the figures benchmark.
 */
final class FiguresFromFacts {

    private final SteeringFigures figures;
    private final int threshold;
    private final boolean workloadByPerson;

    FiguresFromFacts(SteeringFigures figures, boolean workloadByPerson) {
        this.figures = figures;
        this.threshold = figures.threshold();
        this.workloadByPerson = workloadByPerson;
    }

    record Cubes(FigureCube opened, FigureCube closed, FigureCube open, FigureCube needs, FigureCube goals,
                 FigureCube doubleFunding, FigureCube legalDomainChanges) {
    }

    CaseFigures figures(String tenant, List<CaseFact> cases, Cubes cubes, ReportingPeriod period, String town,
                        GroupBy groupBy) {
        YearMonth until = figures.currentMonth();
        FigureLabels labels = figures.labels();
        String dimension = groupBy.name();
        Function<FigureCube, Figure> view = cube -> Figure.of(cube, town, dimension, period, until, labels);
        List<CaseFact> opened = cases.stream()
                .filter(c -> period.contains(c.openedOn) && (town == null || town.equals(c.town))).toList();
        return new CaseFigures(tenant, period.node(), figures.periodLabel(period),
                town == null ? labels.message("steering.town.all") : town, groupBy,
                view.apply(cubes.opened), view.apply(cubes.closed),
                Figure.of(cubes.closed, town, OUTCOME, period, until, labels), view.apply(cubes.open),
                Figure.of(cubes.open, town, workloadByPerson ? CASE_MANAGER : "TOWN", period, until, labels),
                view.apply(cubes.needs), view.apply(cubes.goals), view.apply(cubes.doubleFunding),
                view.apply(cubes.legalDomainChanges),
                figures.durations(opened.stream().filter(c -> c.firstReferralOn != null)
                        .map(c -> ChronoUnit.DAYS.between(c.openedOn, c.firstReferralOn)).toList()),
                figures.durations(opened.stream().filter(c -> c.closedOn != null)
                        .map(c -> ChronoUnit.DAYS.between(c.openedOn, c.closedOn)).toList()));
    }

    Cubes cubes(List<CaseFact> cases, int year) {
        List<String> caseDimensions = List.of(TARGET_GROUP, LEGAL_DOMAIN);
        List<String> withRoute = List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN);
        FigureCube opened = new FigureCube(year, true, withRoute, threshold);
        FigureCube closed = new FigureCube(year, true, List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN, OUTCOME), threshold);
        FigureCube open = new FigureCube(year, false, workloadByPerson
                ? List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN, CASE_MANAGER) : withRoute, threshold);
        FigureCube needs = new FigureCube(year, true, List.of(TARGET_GROUP, LEGAL_DOMAIN, FIELD_OF_ACTION), threshold);
        FigureCube goals = new FigureCube(year, true, List.of(TARGET_GROUP, LEGAL_DOMAIN, FIELD_OF_ACTION), threshold);
        FigureCube doubleFunding = new FigureCube(year, true, caseDimensions, threshold);
        FigureCube domainChanges = new FigureCube(year, true, caseDimensions, threshold);
        LocalDate today = figures.today();
        List<YearMonth> stockMonths = ReportingPeriod.year(year).months().stream()
                .filter(m -> !m.isAfter(figures.currentMonth())).toList();
        for (CaseFact c : cases) {
            Map<String, String> values = new HashMap<>();
            values.put(TARGET_GROUP, c.targetGroup);
            values.put(ACCESS_ROUTE, c.accessRoute);
            values.put(LEGAL_DOMAIN, c.legalDomains == null || c.legalDomains.isEmpty() ? "NONE"
                    : String.join("+", c.legalDomains));
            values.put(CASE_MANAGER, c.assignee);
            if (inYear(c.openedOn, year)) {
                opened.add(c.town, values, YearMonth.from(c.openedOn));
            }
            if (inYear(c.closedOn, year)) {
                closed.add(c.town, with(values, OUTCOME, c.outcome), YearMonth.from(c.closedOn));
            }
            for (YearMonth m : stockMonths) {
                LocalDate day = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
                if (c.openedOn != null && !c.openedOn.isAfter(day) && (c.closedOn == null || c.closedOn.isAfter(day))) {
                    open.add(c.town, values, m);
                }
            }
            c.needs.stream().filter(n -> inYear(n.assessedOn, year)).forEach(n -> needs.add(c.town,
                    with(values, FIELD_OF_ACTION, n.fieldOfAction), YearMonth.from(n.assessedOn)));
            for (EventFact e : c.events) {
                if (!inYear(e.day(), year)) {
                    continue;
                }
                YearMonth month = YearMonth.from(e.day());
                switch (e.type()) {
                    case "GoalAchieved" -> goals.add(e.town(), with(values, FIELD_OF_ACTION, e.code()), month);
                    case "DoubleFundingWarned" -> doubleFunding.add(e.town(), values, month);
                    case "LegalDomainsChanged" -> domainChanges.add(e.town(), with(values, LEGAL_DOMAIN, e.code()), month);
                    default -> {
                    }
                }
            }
        }
        return new Cubes(opened.protect(), closed.protect(), open.protect(), needs.protect(), goals.protect(),
                doubleFunding.protect(), domainChanges.protect());
    }

    /** The themes, each tagging of a case counted in the town it was tagged in. */
    Figure themes(List<CaseFact> cases, ReportingPeriod period) {
        FigureCube themes = new FigureCube(period.year(), true, List.of("THEME"), threshold);
        cases.forEach(c -> c.events.stream().filter(e -> "ThemeTagged".equals(e.type()) && inYear(e.day(), period.year()))
                .forEach(e -> themes.add(e.town(), with(Map.of(), "THEME", e.code()), YearMonth.from(e.day()))));
        return Figure.of(themes.protect(), null, "THEME", period, figures.currentMonth(), figures.labels());
    }

    /** The counselling contacts and hours, each contact read from its case. */
    CounsellingFigures.Counselling counselling(List<CaseFact> cases, ReportingPeriod period, String town, String groupBy) {
        List<EventFact> contacts = cases.stream().flatMap(c -> c.events.stream())
                .filter(e -> CounsellingFigures.CONTACT.equals(e.type()) && inYear(e.day(), period.year())).toList();
        FigureCube cube = new FigureCube(period.year(), true, List.of(CounsellingFigures.KIND), threshold);
        contacts.forEach(e -> cube.add(e.town(), Map.of(CounsellingFigures.KIND, e.code()), YearMonth.from(e.day())));
        String dimension = "KIND".equals(groupBy) ? CounsellingFigures.KIND : groupBy;
        Figure count = Figure.of(cube.protect(), town, dimension, period, figures.currentMonth(), figures.labels());
        List<EventFact> inView = contacts.stream()
                .filter(e -> period.contains(e.day()) && (town == null || town.equals(townOf(e)))).toList();
        return new CounsellingFigures.Counselling(period.node(), figures.periodLabel(period), town, count,
                hours(count, inView, dimension));
    }

    private Figure hours(Figure count, List<EventFact> contacts, String dimension) {
        SmallCellSuppression.Cell total = count.total().suppressed() ? count.total()
                : SmallCellSuppression.Cell.shown(hours(contacts, e -> true));
        List<Figure.Group> groups = new java.util.ArrayList<>();
        long shownMinutes = 0;
        for (Figure.Group g : count.groups()) {
            if (Figure.SUPPRESSED.equals(g.key())) {
                continue;
            }
            java.util.function.Predicate<EventFact> inGroup = switch (String.valueOf(dimension)) {
                case CounsellingFigures.KIND -> e -> g.key().equals(e.code());
                case "TOWN" -> e -> g.key().equals(townOf(e));
                case "MONTH" -> e -> g.key().equals(YearMonth.from(e.day()).toString());
                default -> e -> true;
            };
            if (g.value().suppressed()) {
                groups.add(new Figure.Group(g.key(), g.label(), SmallCellSuppression.Cell.withheld()));
            } else {
                shownMinutes += minutes(contacts, inGroup);
                groups.add(new Figure.Group(g.key(), g.label(), SmallCellSuppression.Cell.shown(hours(contacts, inGroup))));
            }
        }
        if (groups.stream().anyMatch(g -> g.value().suppressed())) {
            long rest = minutes(contacts, e -> true) - shownMinutes;
            groups.add(new Figure.Group(Figure.SUPPRESSED, figures.labels().of("", Figure.SUPPRESSED),
                    total.suppressed() ? SmallCellSuppression.Cell.withheld()
                            : SmallCellSuppression.Cell.shown(Math.round(rest / 60.0))));
        }
        return new Figure(total, groups);
    }

    private static long hours(List<EventFact> contacts, java.util.function.Predicate<EventFact> which) {
        return Math.round(minutes(contacts, which) / 60.0);
    }

    private static long minutes(List<EventFact> contacts, java.util.function.Predicate<EventFact> which) {
        return contacts.stream().filter(which).mapToLong(e -> Long.parseLong(e.detail())).sum();
    }

    private static String townOf(EventFact e) {
        return e.town() == null ? "UNKNOWN" : e.town();
    }

    private static Map<String, String> with(Map<String, String> values, String dimension, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(dimension, value);
        return copy;
    }
}
