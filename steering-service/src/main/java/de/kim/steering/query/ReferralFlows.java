package de.kim.steering.query;

import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.Facts.ReferralFact;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Referrals per partner and field of action: how many made, answered how, after how long. Each
 * row is a set of linked tables ({@link FigureCube}) over towns and the months of the year: the
 * referrals made split by answer (open, accepted, declined, withdrawn), the accepted ones into
 * those still running and those completed, the declined ones by reason; so none of the
 * published numbers is the difference of two others that gives a small count away.
 */
@Component
public class ReferralFlows {

    private static final String ANSWER = "ANSWER";
    private static final String STATE = "STATE";
    private static final String REASON = "REASON";
    private static final String NOT_DECLINED = "NOT_DECLINED";

    private final SteeringFigures figures;

    public ReferralFlows(SteeringFigures figures) {
        this.figures = figures;
    }

    /** One row: a partner and a field of action, with their labels and counts. */
    public record ReferralFlow(String partnerId, String partnerName, String fieldOfAction, String fieldLabel, Cell made,
                               Cell accepted, Cell declined, Cell completed, Cell withdrawn, Figure declineReasons,
                               Durations daysToAnswer) {
    }

    public List<ReferralFlow> of(TenantFacts facts, ReportingPeriod period, String town) {
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
            Figure reasons = Figure.of(cube, town, REASON, period, figures.currentMonth(), labels);
            // The reasons of the declined ones only: the declined cell is their total.
            List<Figure.Group> declinedReasons = reasons.groups().stream().filter(g -> !NOT_DECLINED.equals(g.key())
                    && !Figure.SUPPRESSED.equals(g.key())).collect(Collectors.toCollection(ArrayList::new));
            Cell declined = cube.cell(town, ANSWER, "DECLINED", node);
            if (declinedReasons.stream().anyMatch(g -> g.value().suppressed())) {
                long shown = declinedReasons.stream().filter(g -> !g.value().suppressed()).mapToLong(g -> g.value().count()).sum();
                declinedReasons.add(new Figure.Group(Figure.SUPPRESSED, labels.of("", Figure.SUPPRESSED),
                        declined.suppressed() ? Cell.withheld() : Cell.shown(declined.count() - shown)));
            }
            flows.add(new ReferralFlow(key.get(0), partnerNames.getOrDefault(key.get(0), labels.of("PARTNER", "UNKNOWN")),
                    key.get(1), labels.of(SteeringFigures.FIELD_OF_ACTION, key.get(1)), made,
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
}
