package de.kim.steering.query;

import de.kim.steering.query.CountedFigures.CaseCubes;
import de.kim.steering.query.Facts.*;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes the steering figures of one tenant, for a fixed reporting period
 * ({@link ReportingPeriod}), through the disclosure control of {@link FigureCube}: every figure
 * of a year is one set of linked tables, and each view (a grouping, a town, a month, quarter or
 * year) reads its cells from it. The case figures come from the counts the projection keeps
 * ({@link CountedFigures}): a few documents per year, however many cases; so do the themes,
 * gaps and status progressions. The action plan's metrics still read the tenant's facts.
 */
@Component
public class SteeringFigures {

    /** What figures can be cut by. */
    public enum GroupBy { MONTH, TOWN, TARGET_GROUP, ACCESS_ROUTE, FIELD_OF_ACTION, LEGAL_DOMAIN }

    static final String TARGET_GROUP = "TARGET_GROUP";
    static final String ACCESS_ROUTE = "ACCESS_ROUTE";
    static final String LEGAL_DOMAIN = "LEGAL_DOMAIN";
    static final String FIELD_OF_ACTION = "FIELD_OF_ACTION";
    static final String OUTCOME = "OUTCOME";
    static final String CASE_MANAGER = "CASE_MANAGER";
    static final String THEME = "THEME";
    static final String PATHWAY = "PATHWAY";
    static final String TRANSITION = "TRANSITION";

    private final FactsDatabase database;
    private final FigureLabels labels;
    private final Clock clock;
    private final int threshold;
    private final boolean workloadByPerson;
    /** The cubes last protected per tenant and year, the 64 asked for last (53 tenants in NRW, mostly the running year). */
    private final Map<String, ProtectedCubes> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ProtectedCubes> eldest) {
                    return size() > 64;
                }
            });

    public SteeringFigures(FactsDatabase database, FigureLabels labels, Clock clock,
                           @Value("${kim.steering.suppression-threshold:5}") int threshold,
                           @Value("${kim.steering.workload-by-person:false}") boolean workloadByPerson) {
        this.database = database;
        this.labels = labels;
        this.clock = clock;
        this.threshold = threshold;
        this.workloadByPerson = workloadByPerson;
    }

    /** The facts of a tenant, to compute any number of figures from. */
    public TenantFacts load(String tenant) {
        return new TenantFacts(tenant, database.template());
    }

    public int threshold() {
        return threshold;
    }

    public FigureLabels labels() {
        return labels;
    }

    /** Today's month: a stock (open cases) is counted up to today, not at a month's end still to come. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The case figures of a tenant for a reporting period, of all towns or one, cut by one dimension.
     *
     * @param town      the town asked for, or "alle Orte"
     * @param casesOpen open cases at the end of the period (today for the running one), from the cases' history
     * @param caseload  open cases per town; per case manager only where the tenant's works-council switch
     *                  {@code kim.steering.workload-by-person} allows it
     */
    public record CaseFigures(String tenant, String period, String periodLabel, String town, GroupBy groupBy,
                              Figure casesOpened, Figure casesClosed, Figure closedByOutcome, Figure casesOpen,
                              Figure caseload, Figure needsAssessed, Figure goalsReached,
                              Figure doubleFundingWarnings, Figure legalDomainChanges,
                              Durations openingToFirstReferral, Durations openingToClosure) {
    }

    public CaseFigures figures(TenantFacts facts, ReportingPeriod period, String town, GroupBy groupBy) {
        CountedFigures counted = counted(facts, period.year());
        CaseCubes cubes = facts.cached("cases:" + period.year(), () -> protectedCubes(facts.tenant(), period.year(), counted));
        String dimension = groupBy.name();
        Function<FigureCube, Figure> view = cube -> Figure.of(cube, town, dimension, period, currentMonth(), labels);
        return new CaseFigures(facts.tenant(), period.node(), periodLabel(period),
                town == null ? labels.message("steering.town.all") : town, groupBy,
                view.apply(cubes.opened()), view.apply(cubes.closed()),
                Figure.of(cubes.closed(), town, OUTCOME, period, currentMonth(), labels), view.apply(cubes.open()),
                Figure.of(cubes.open(), town, workloadByPerson ? CASE_MANAGER : "TOWN", period, currentMonth(), labels),
                view.apply(cubes.needs()), view.apply(cubes.goals()), view.apply(cubes.doubleFunding()),
                view.apply(cubes.legalDomainChanges()),
                durations(counted.days(FigureCounts.TO_FIRST_REFERRAL, period, town)),
                durations(counted.days(FigureCounts.TO_CLOSURE, period, town)));
    }

    /**
     * The protected cubes of a tenant's year: those of the request before while its counts and
     * today are the same (protecting them takes most of a request), else made anew.
     */
    private CaseCubes protectedCubes(String tenant, int year, CountedFigures counted) {
        Version version = new Version(counted.counts(), today());
        String key = tenant + "|" + year;
        ProtectedCubes last = recent.get(key);
        if (last != null && last.version().equals(version)) {
            return last.cubes();
        }
        CaseCubes cubes = counted.cubes(threshold, workloadByPerson, currentMonth(), today());
        recent.put(key, new ProtectedCubes(version, cubes));
        return cubes;
    }

    /** Protected cubes (read only from then on) and the counts they were made from. */
    private record ProtectedCubes(Version version, CaseCubes cubes) {
    }

    /** What protected cubes were made from: the counts of the year, and the day (the running month ends today). */
    private record Version(List<Object> counts, LocalDate today) {
    }

    /** The counts of a tenant's year, read once per request. */
    CountedFigures counted(TenantFacts facts, int year) {
        return facts.cached("counts:" + year, () -> CountedFigures.read(facts.counts(), facts.tenant(), year, currentMonth()));
    }

    /** The period in words: "2026", "1. Quartal 2026", "März 2026". */
    public String periodLabel(ReportingPeriod period) {
        return switch (period.kind()) {
            case YEAR -> String.valueOf(period.year());
            case QUARTER -> labels.message("steering.period.quarter", period.node().substring(6), String.valueOf(period.year()));
            case MONTH -> labels.of("MONTH", period.node());
        };
    }

    /** Median and 90th percentile from enough cases only; the number of cases is not published (it is not tied to a protected table). */
    Durations durations(List<Long> days) {
        return Durations.of(days, threshold, labels.message("steering.durations.enough", threshold));
    }

    /** A gap (Lücke): open needs in a town and field that no offer with a free place serves, or that partners keep declining. */
    public record Gap(String town, String fieldOfAction, String fieldLabel, Cell openNeeds, String reason,
                      String reasonLabel, Cell declinedReferrals) {
        public static final String NO_FREE_OFFER = "NO_OFFER_WITH_FREE_CAPACITY";
        public static final String KEEP_BEING_DECLINED = "REFERRALS_KEEP_BEING_DECLINED";
    }

    public List<Gap> gaps(TenantFacts facts) {
        String id = FigureCounts.nowId(facts.tenant());
        Document now = facts.cached("now", () -> facts.counts().read(List.of(id)).getOrDefault(id, new Document()));
        Map<String, Long> placesTaken = new HashMap<>();
        CountedFigures.counts(now.get(FigureCounts.TAKEN)).forEach((offer, n) -> placesTaken.put(FigureCounts.value(offer), n));
        List<OfferFact> freeOffers = facts.of(OfferFact.class).stream()
                .filter(o -> o.active && o.capacity > placesTaken.getOrDefault(o.offerId, 0L)).toList();
        // Keyed "town|field" so the gaps come sorted by town, then field; none known as "null".
        Map<String, Long> openNeeds = new java.util.TreeMap<>();
        CountedFigures.counts(now.get(FigureCounts.OPEN_NEEDS), 2).forEach((path, n) -> {
            String[] townAndField = path.split("\\.");
            if (n != 0) {
                openNeeds.merge(FigureCounts.value(townAndField[0]) + "|" + FigureCounts.value(townAndField[1]), n, Long::sum);
            }
        });
        Map<String, Long> answered = CountedFigures.counts(now.get(FigureCounts.ANSWERED), 2);
        Map<String, Long> declinedByTown = CountedFigures.counts(now.get(FigureCounts.DECLINED), 2);
        List<Gap> gaps = new ArrayList<>();
        openNeeds.forEach((key, count) -> {
            String town = key.substring(0, key.indexOf('|'));
            String field = key.substring(key.indexOf('|') + 1);
            boolean served = freeOffers.stream().anyMatch(o -> field.equals(o.fieldOfAction)
                    && (o.online || Objects.equals(town, o.town)));
            String at = FigureCounts.key(town) + "." + FigureCounts.key(field);
            long answers = answered.getOrDefault(at, 0L);
            long declined = declinedByTown.getOrDefault(at, 0L);
            String reason = !served ? Gap.NO_FREE_OFFER
                    : declined >= 3 && declined * 2 >= answers ? Gap.KEEP_BEING_DECLINED : null;
            if (reason != null) {
                gaps.add(new Gap(labels.of("TOWN", "null".equals(town) ? "UNKNOWN" : town), field,
                        labels.of(FIELD_OF_ACTION, field), Cell.of(count, threshold), reason, labels.of("GAP", reason),
                        Cell.of(declined, threshold)));
            }
        });
        return gaps;
    }

    /** Residence status progressions by pathway and by transition, and the transitions out of § 104c. */
    public record StatusProgressions(Figure byPathway, Figure byTransition, Figure chancenTransitions) {
    }

    public StatusProgressions statusProgressions(TenantFacts facts, ReportingPeriod period) {
        CountedFigures counted = counted(facts, period.year());
        FigureCube progressions = counted.flowCube(FigureCounts.PROGRESSIONS, List.of(PATHWAY, TRANSITION), threshold)
                .protect();
        FigureCube chancen = counted.flowCube(FigureCounts.CHANCEN, List.of(PATHWAY), threshold).protect();
        return new StatusProgressions(Figure.of(progressions, null, PATHWAY, period, currentMonth(), labels),
                Figure.of(progressions, null, TRANSITION, period, currentMonth(), labels),
                Figure.of(chancen, null, PATHWAY, period, currentMonth(), labels));
    }

    /** Generative themes counted: the managed list by code, free text apart as "Sonstiges Thema". */
    public Figure themes(TenantFacts facts, ReportingPeriod period) {
        FigureCube themes = counted(facts, period.year()).flowCube(FigureCounts.THEMES, List.of(THEME), threshold);
        return Figure.of(themes.protect(), null, THEME, period, currentMonth(), labels);
    }

    /** The raw value of one figure, for an indicator of the action plan; suppression comes after. */
    public long metric(TenantFacts facts, de.kim.contracts.vocabulary.Metric metric, Period period, String town) {
        Predicate<String> inTown = t -> town == null || town.equals(t);
        return switch (metric) {
            case CASES_OPENED -> cases(facts).stream().filter(c -> inTown.test(c.town) && period.contains(c.openedOn)).count();
            case CASES_CLOSED -> cases(facts).stream().filter(c -> inTown.test(c.town) && period.contains(c.closedOn)).count();
            case NEEDS_ASSESSED -> cases(facts).stream().flatMap(c -> c.needs.stream())
                    .filter(n -> inTown.test(n.town) && period.contains(n.assessedOn)).count();
            case GOALS_REACHED -> countEvents(facts, "GoalAchieved", period, inTown);
            case DOUBLE_FUNDING_WARNINGS -> countEvents(facts, "DoubleFundingWarned", period, inTown);
            case REFERRALS_MADE -> facts.of(ReferralFact.class).stream()
                    .filter(r -> inTown.test(r.town) && period.contains(r.madeOn)).count();
            case REFERRALS_ACCEPTED -> facts.of(ReferralFact.class).stream()
                    .filter(r -> inTown.test(r.town) && period.contains(r.madeOn)
                            && ("ACCEPTED".equals(r.status) || "COMPLETED".equals(r.status))).count();
            case OPEN_GAPS -> gaps(facts).stream().filter(g -> inTown.test(g.town())).count();
        };
    }

    private static long countEvents(TenantFacts facts, String type, Period period, Predicate<String> inTown) {
        return cases(facts).stream().flatMap(c -> c.events.stream())
                .filter(e -> type.equals(e.type()) && inTown.test(e.town()) && period.contains(e.day())).count();
    }

    static List<CaseFact> cases(TenantFacts facts) {
        return facts.of(CaseFact.class);
    }

    /** A transition {@code FROM>TO} with a missing status named {@code NONE}, never "null". */
    static String transition(String detail) {
        return java.util.Arrays.stream(String.valueOf(detail).split(">", -1))
                .map(s -> s.isEmpty() || "null".equals(s) ? "NONE" : s).collect(Collectors.joining(">"));
    }

    static boolean inYear(LocalDate day, int year) {
        return day != null && day.getYear() == year;
    }

}
