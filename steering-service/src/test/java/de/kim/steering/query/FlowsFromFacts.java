package de.kim.steering.query;

import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.Facts.EventFact;
import de.kim.steering.query.Facts.OfferFact;
import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.Facts.ReferralFact;
import de.kim.steering.query.ReferralFlows.ReferralFlow;
import de.kim.steering.query.SmallCellSuppression.Cell;
import de.kim.steering.query.SteeringFigures.Gap;
import de.kim.steering.query.SteeringFigures.StatusProgressions;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static de.kim.steering.query.ReferralFlows.*;
import static de.kim.steering.query.SteeringFigures.FIELD_OF_ACTION;
import static de.kim.steering.query.SteeringFigures.inYear;
import static de.kim.steering.query.SteeringFigures.transition;

/**
 * Gaps, referral flows and status progressions computed from every fact of a tenant, one by one:
 * the reference the counted ones are compared with.
 */
final class FlowsFromFacts {

    private final SteeringFigures figures;

    FlowsFromFacts(SteeringFigures figures) {
        this.figures = figures;
    }

    List<Gap> gaps(TenantFacts facts) {
        Map<String, CaseFact> cases = facts.of(CaseFact.class).stream()
                .collect(Collectors.toMap(c -> c.caseId, c -> c, (a, b) -> a));
        List<ReferralFact> referrals = facts.of(ReferralFact.class);
        Map<String, Long> placesTaken = referrals.stream().filter(r -> "ACCEPTED".equals(r.status) && r.offerId != null)
                .collect(Collectors.groupingBy(r -> r.offerId, Collectors.counting()));
        List<OfferFact> freeOffers = facts.of(OfferFact.class).stream()
                .filter(o -> o.active && o.capacity > placesTaken.getOrDefault(o.offerId, 0L)).toList();
        // Keyed "town|field" so the gaps come sorted by town, then field.
        Map<String, Long> openNeeds = cases.values().stream().flatMap(c -> c.needs.stream())
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
            String reason = !served ? Gap.NO_FREE_OFFER
                    : declined >= 3 && declined * 2 >= answered.size() ? Gap.KEEP_BEING_DECLINED : null;
            if (reason != null) {
                gaps.add(new Gap(figures.labels().of("TOWN", "null".equals(town) ? "UNKNOWN" : town), field,
                        figures.labels().of(FIELD_OF_ACTION, field), Cell.of(count, figures.threshold()), reason, figures.labels().of("GAP", reason),
                        Cell.of(declined, figures.threshold())));
            }
        });
        return gaps;
    }

    StatusProgressions statusProgressions(TenantFacts facts, ReportingPeriod period) {
        FigureCube progressions = new FigureCube(period.year(), true, List.of("PATHWAY", "TRANSITION"), figures.threshold());
        FigureCube chancen = new FigureCube(period.year(), true, List.of("PATHWAY"), figures.threshold());
        for (EventFact e : facts.of(EventFact.class)) {
            if (!inYear(e.day(), period.year())) {
                continue;
            }
            if ("ResidenceStatusProgressed".equals(e.type())) {
                progressions.add(null, values("PATHWAY", e.code(), "TRANSITION", transition(e.detail())),
                        YearMonth.from(e.day()));
            } else if ("ChancenTransition".equals(e.type())) {
                chancen.add(null, values("PATHWAY", e.code()), YearMonth.from(e.day()));
            }
        }
        progressions.protect();
        chancen.protect();
        return new StatusProgressions(Figure.of(progressions, null, "PATHWAY", period, figures.currentMonth(), figures.labels()),
                Figure.of(progressions, null, "TRANSITION", period, figures.currentMonth(), figures.labels()),
                Figure.of(chancen, null, "PATHWAY", period, figures.currentMonth(), figures.labels()));
    }

    List<ReferralFlow> flows(TenantFacts facts, ReportingPeriod period, String town) {
        Map<String, String> partnerNames = facts.of(PartnerFact.class).stream()
                .collect(Collectors.toMap(p -> p.partnerId, p -> p.name, (a, b) -> a));
        Map<List<String>, List<ReferralFact>> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        facts.of(ReferralFact.class).stream().filter(r -> SteeringFigures.inYear(r.madeOn, period.year()))
                .forEach(r -> rows.computeIfAbsent(List.of(String.valueOf(r.partnerId), String.valueOf(r.fieldOfAction)),
                        k -> new ArrayList<>()).add(r));
        List<ReferralFlow> flows = new ArrayList<>();
        FigureLabels labels = figures.labels();
        rows.forEach((key, referrals) -> {
            FigureCube cube = cube(referrals, period.year());
            String node = period.node();
            Cell made = cube.cell(town, FigureCube.ALL, FigureCube.ALL, node);
            if (cube.count(town, FigureCube.ALL, FigureCube.ALL, node) == 0) {
                return;
            }
            List<ReferralFact> inPeriod = referrals.stream()
                    .filter(r -> period.contains(r.madeOn) && (town == null || town.equals(r.town))).toList();
            Figure reasons = Figure.of(cube, town, REASON, period, figures.currentMonth(), figures.labels());
            // The reasons of the declined ones only: the declined cell is their total.
            List<Figure.Group> declinedReasons = reasons.groups().stream().filter(g -> !NOT_DECLINED.equals(g.key())
                    && !Figure.SUPPRESSED.equals(g.key())).collect(Collectors.toCollection(ArrayList::new));
            Cell declined = cube.cell(town, ANSWER, "DECLINED", node);
            if (declinedReasons.stream().anyMatch(g -> g.value().suppressed())) {
                long shown = declinedReasons.stream().filter(g -> !g.value().suppressed()).mapToLong(g -> g.value().count()).sum();
                declinedReasons.add(new Figure.Group(Figure.SUPPRESSED, figures.labels().of("", Figure.SUPPRESSED),
                        declined.suppressed() ? Cell.withheld() : Cell.shown(declined.count() - shown)));
            }
            flows.add(new ReferralFlow(key.get(0), partnerNames.getOrDefault(key.get(0), figures.labels().of("PARTNER", "UNKNOWN")),
                    key.get(1), figures.labels().of(SteeringFigures.FIELD_OF_ACTION, key.get(1)), made,
                    cube.cell(town, ANSWER, "ACCEPTED", node), declined, cube.cell(town, STATE, "COMPLETED", node),
                    cube.cell(town, ANSWER, "WITHDRAWN", node), new Figure(declined, declinedReasons),
                    figures.durations(inPeriod.stream().filter(r -> r.answeredOn != null)
                            .map(r -> ChronoUnit.DAYS.between(r.madeOn, r.answeredOn)).toList())));
        });
        flows.sort(Comparator.comparing(ReferralFlow::partnerName).thenComparing(ReferralFlow::fieldLabel));
        return flows;
    }

    private FigureCube cube(List<ReferralFact> referrals, int year) {
        FigureCube cube = new FigureCube(year, true, List.of(ANSWER, STATE, REASON), figures.threshold());
        List<String> reasons = new ArrayList<>();
        for (ReferralFact r : referrals) {
            String status = r.status == null ? "MADE" : r.status;
            String answer = switch (status) {
                case "ACCEPTED", "COMPLETED" -> "ACCEPTED";
                case "DECLINED", "WITHDRAWN" -> status;
                default -> "OPEN";
            };
            String reason = "DECLINED".equals(status) ? (r.declineReason == null ? "UNKNOWN" : r.declineReason) : NOT_DECLINED;
            if (!NOT_DECLINED.equals(reason) && !reasons.contains(reason)) {
                reasons.add(reason);
            }
            cube.add(r.town, Map.of(ANSWER, answer, STATE, status, REASON, reason), YearMonth.from(r.madeOn));
        }
        cube.refine(ANSWER, "ACCEPTED", STATE, List.of("ACCEPTED", "COMPLETED"));
        cube.refine(ANSWER, "DECLINED", REASON, reasons);
        return cube.protect();
    }

    private static Map<String, String> values(String... dimensionsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < dimensionsAndValues.length; i += 2) {
            values.put(dimensionsAndValues[i], dimensionsAndValues[i + 1]);
        }
        return values;
    }
}
