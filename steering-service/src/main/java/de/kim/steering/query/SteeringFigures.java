package de.kim.steering.query;

import de.kim.steering.query.Facts.*;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the steering figures of one tenant from its facts. A Kreis has some thousand cases
 * a year, so the facts of a tenant are read and counted here rather than in database
 * aggregations that the embedded Mongo-wire server does not all support.
 */
@Component
public class SteeringFigures {

    /** What figures can be cut by. */
    public enum GroupBy { MONTH, TOWN, TARGET_GROUP, FIELD_OF_ACTION, LEGAL_DOMAIN }

    private final FactsDatabase database;

    public SteeringFigures(FactsDatabase database) {
        this.database = database;
    }

    /** The facts of a tenant, to compute any number of figures from. */
    public TenantFacts load(String tenant) {
        return new TenantFacts(tenant, database.template());
    }

    /** The case figures of a tenant for a period, optionally of one town, cut by one dimension. */
    public record CaseFigures(String tenant, Period period, String town, GroupBy groupBy, Figure casesOpened,
                              Figure casesClosed, Figure closedByOutcome, Figure casesOpenNow, Figure caseload,
                              Figure needsAssessed, Figure goalsReached, Figure doubleFundingWarnings,
                              Figure legalDomainChanges, Durations openingToFirstReferral, Durations openingToClosure) {
    }

    public CaseFigures figures(TenantFacts facts, Period period, String town, GroupBy groupBy) {
        Map<String, CaseFact> cases = facts.of(CaseFact.class, town).stream()
                .collect(Collectors.toMap(c -> c.caseId, c -> c, (a, b) -> a, LinkedHashMap::new));
        List<CaseFact> opened = cases.values().stream().filter(c -> period.contains(c.openedOn)).toList();
        List<CaseFact> closed = cases.values().stream().filter(c -> period.contains(c.closedOn)).toList();
        List<CaseFact> openNow = cases.values().stream().filter(c -> "OPEN".equals(c.status)).toList();
        List<NeedFact> needs = needs(cases.values()).stream()
                .filter(n -> period.contains(n.assessedOn)).toList();
        List<EventFact> events = events(facts.of(EventFact.class, town), cases.values()).stream()
                .filter(e -> (town == null || town.equals(e.town())) && period.contains(e.day())).toList();

        Function<CaseFact, String> caseKey = c -> switch (groupBy) {
            case MONTH -> null;
            case TOWN -> c.town;
            case TARGET_GROUP -> c.targetGroup;
            case FIELD_OF_ACTION -> "ALL";
            case LEGAL_DOMAIN -> c.legalDomains.isEmpty() ? "NONE" : String.join("+", c.legalDomains);
        };
        return new CaseFigures(facts.tenant(), period, town, groupBy,
                Figure.count(opened, c -> groupBy == GroupBy.MONTH ? month(c.openedOn) : caseKey.apply(c)),
                Figure.count(closed, c -> groupBy == GroupBy.MONTH ? month(c.closedOn) : caseKey.apply(c)),
                Figure.count(closed, c -> c.outcome),
                Figure.count(openNow, c -> groupBy == GroupBy.MONTH ? month(c.openedOn) : caseKey.apply(c)),
                Figure.count(openNow, c -> c.assignee),
                Figure.count(needs, n -> switch (groupBy) {
                    case MONTH -> month(n.assessedOn);
                    case FIELD_OF_ACTION -> n.fieldOfAction;
                    default -> caseKey.apply(cases.get(n.caseId));
                }),
                Figure.count(ofType(events, "GoalAchieved"), e -> eventKey(e, groupBy)),
                Figure.count(ofType(events, "DoubleFundingWarned"), e -> eventKey(e, groupBy)),
                Figure.count(ofType(events, "LegalDomainsChanged"), e -> groupBy == GroupBy.LEGAL_DOMAIN
                        ? e.code() : eventKey(e, groupBy)),
                Durations.of(opened.stream().filter(c -> c.firstReferralOn != null)
                        .map(c -> ChronoUnit.DAYS.between(c.openedOn, c.firstReferralOn)).toList()),
                Durations.of(opened.stream().filter(c -> c.closedOn != null)
                        .map(c -> ChronoUnit.DAYS.between(c.openedOn, c.closedOn)).toList()));
    }

    /** Referrals per partner and field of action: how many made, answered how, after how long. */
    public record ReferralFlow(String partnerId, String partnerName, String fieldOfAction, Cell made, Cell accepted,
                               Cell declined, Cell completed, Cell withdrawn, Figure declineReasons,
                               Durations daysToAnswer) {
    }

    public List<ReferralFlow> referralFlows(TenantFacts facts, Period period, String town) {
        Map<String, String> partnerNames = facts.of(PartnerFact.class).stream()
                .collect(Collectors.toMap(p -> p.partnerId, p -> p.name, (a, b) -> a));
        Map<List<String>, List<ReferralFact>> byPartnerAndField = facts.of(ReferralFact.class).stream()
                .filter(r -> r.madeOn != null && period.contains(r.madeOn) && (town == null || town.equals(r.town)))
                .collect(Collectors.groupingBy(r -> List.of(r.partnerId, String.valueOf(r.fieldOfAction))));
        List<ReferralFlow> flows = new ArrayList<>();
        byPartnerAndField.forEach((key, referrals) -> flows.add(new ReferralFlow(key.get(0),
                partnerNames.getOrDefault(key.get(0), key.get(0)), key.get(1), Cell.of(referrals.size()),
                Cell.of(withStatus(referrals, "ACCEPTED") + withStatus(referrals, "COMPLETED")),
                Cell.of(withStatus(referrals, "DECLINED")), Cell.of(withStatus(referrals, "COMPLETED")),
                Cell.of(withStatus(referrals, "WITHDRAWN")),
                Figure.count(referrals.stream().filter(r -> "DECLINED".equals(r.status)).toList(), r -> r.declineReason),
                Durations.of(referrals.stream().filter(r -> r.answeredOn != null)
                        .map(r -> ChronoUnit.DAYS.between(r.madeOn, r.answeredOn)).toList()))));
        flows.sort(Comparator.comparing(ReferralFlow::partnerName).thenComparing(ReferralFlow::fieldOfAction));
        return flows;
    }

    /** A gap (Lücke): open needs in a town and field that no offer with a free place serves, or that partners keep declining. */
    public record Gap(String town, String fieldOfAction, Cell openNeeds, String reason, Cell declinedReferrals) {
        public static final String NO_FREE_OFFER = "NO_OFFER_WITH_FREE_CAPACITY";
        public static final String KEEP_BEING_DECLINED = "REFERRALS_KEEP_BEING_DECLINED";
    }

    public List<Gap> gaps(TenantFacts facts) {
        Map<String, CaseFact> cases = facts.of(CaseFact.class).stream()
                .collect(Collectors.toMap(c -> c.caseId, c -> c, (a, b) -> a));
        List<ReferralFact> referrals = facts.of(ReferralFact.class);
        Map<String, Long> placesTaken = referrals.stream().filter(r -> "ACCEPTED".equals(r.status) && r.offerId != null)
                .collect(Collectors.groupingBy(r -> r.offerId, Collectors.counting()));
        List<OfferFact> freeOffers = facts.of(OfferFact.class).stream()
                .filter(o -> o.active && o.capacity > placesTaken.getOrDefault(o.offerId, 0L)).toList();
        // Keyed "town|field" so the gaps come sorted by town, then field.
        Map<String, Long> openNeeds = needs(cases.values()).stream()
                .filter(n -> !n.resolved && cases.containsKey(n.caseId) && "OPEN".equals(cases.get(n.caseId).status))
                .collect(Collectors.groupingBy(n -> n.town + "|" + n.fieldOfAction, java.util.TreeMap::new,
                        Collectors.counting()));
        List<Gap> gaps = new ArrayList<>();
        openNeeds.forEach((key, count) -> {
            String town = key.substring(0, key.indexOf('|'));
            String field = key.substring(key.indexOf('|') + 1);
            boolean served = freeOffers.stream().anyMatch(o -> field.equals(o.fieldOfAction)
                    && (o.online || Objects.equals(town, o.town)));
            List<ReferralFact> answered = referrals.stream().filter(r -> field.equals(r.fieldOfAction)
                    && Objects.equals(town, r.town) && r.answeredOn != null && !"WITHDRAWN".equals(r.status)).toList();
            long declined = answered.stream().filter(r -> "DECLINED".equals(r.status)).count();
            if (!served) {
                gaps.add(new Gap(town, field, Cell.of(count), Gap.NO_FREE_OFFER, Cell.of(declined)));
            } else if (declined >= 3 && declined * 2 >= answered.size()) {
                gaps.add(new Gap(town, field, Cell.of(count), Gap.KEEP_BEING_DECLINED, Cell.of(declined)));
            }
        });
        return gaps;
    }

    /** Residence status progressions by pathway and by transition, and the transitions out of § 104c. */
    public record StatusProgressions(Figure byPathway, Figure byTransition, Figure chancenTransitions) {
    }

    public StatusProgressions statusProgressions(TenantFacts facts, Period period) {
        List<EventFact> progressions = ofType(facts.of(EventFact.class), "ResidenceStatusProgressed").stream()
                .filter(e -> period.contains(e.day())).toList();
        List<EventFact> chancen = ofType(facts.of(EventFact.class), "ChancenTransition").stream()
                .filter(e -> period.contains(e.day())).toList();
        return new StatusProgressions(Figure.count(progressions, EventFact::code),
                Figure.count(progressions, EventFact::detail), Figure.count(chancen, EventFact::code));
    }

    /** Generative themes counted: the managed list by code, free text apart as {@code OTHER}. */
    public Figure themes(TenantFacts facts, Period period) {
        return Figure.count(ofType(events(facts, facts.of(CaseFact.class)), "ThemeTagged").stream()
                .filter(e -> period.contains(e.day())).toList(), EventFact::code);
    }

    /** The raw value of one figure, for an indicator of the action plan; suppression comes after. */
    public long metric(TenantFacts facts, de.kim.steering.api.Metric metric, Period period, String town) {
        java.util.function.Predicate<String> inTown = t -> town == null || town.equals(t);
        return switch (metric) {
            case CASES_OPENED -> facts.of(CaseFact.class).stream()
                    .filter(c -> inTown.test(c.town) && period.contains(c.openedOn)).count();
            case CASES_CLOSED -> facts.of(CaseFact.class).stream()
                    .filter(c -> inTown.test(c.town) && period.contains(c.closedOn)).count();
            case NEEDS_ASSESSED -> needs(facts.of(CaseFact.class)).stream()
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

    private static long countEvents(TenantFacts facts, String type, Period period, java.util.function.Predicate<String> inTown) {
        return ofType(events(facts, facts.of(CaseFact.class)), type).stream()
                .filter(e -> inTown.test(e.town()) && period.contains(e.day())).count();
    }

    private static String eventKey(EventFact e, GroupBy groupBy) {
        return switch (groupBy) {
            case MONTH -> month(e.day());
            case TOWN -> e.town();
            case FIELD_OF_ACTION -> e.code();
            default -> "ALL";
        };
    }

    private static long withStatus(List<ReferralFact> referrals, String status) {
        return referrals.stream().filter(r -> status.equals(r.status)).count();
    }

    private static List<NeedFact> needs(java.util.Collection<CaseFact> cases) {
        return cases.stream().flatMap(c -> c.needs.stream()).toList();
    }

    /** The countable events: those kept inside the cases, and the documents of their own. */
    private static List<EventFact> events(TenantFacts facts, java.util.Collection<CaseFact> cases) {
        return events(facts.of(EventFact.class), cases);
    }

    private static List<EventFact> events(List<EventFact> ownDocuments, java.util.Collection<CaseFact> cases) {
        List<EventFact> events = new ArrayList<>(ownDocuments);
        cases.forEach(c -> events.addAll(c.events));
        return events;
    }

    private static List<EventFact> ofType(List<EventFact> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).toList();
    }

    private static String month(LocalDate day) {
        return day == null ? null : YearMonth.from(day).toString();
    }

}
