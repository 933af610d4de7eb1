package de.kim.steering.query;

import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
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
 * published numbers is the difference of two others that gives a small count away. Read from the
 * counted figures ({@link CountedFigures#flows}): the referrals' counts per month, town, partner
 * and field, and the days to their answers.
 */
@Component
public class ReferralFlows {

    static final String ANSWER = "ANSWER";
    static final String STATE = "STATE";
    static final String REASON = "REASON";
    static final String NOT_DECLINED = "NOT_DECLINED";

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
        Map<YearMonth, Document> months = facts.cached("flows:" + period.year(),
                () -> CountedFigures.flows(facts.counts(), facts.tenant(), period.year()));
        Map<List<String>, FigureCube> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        months.forEach((month, document) -> CountedFigures.towns(document).forEach((place, sections) ->
                rows(sections.get(FigureCounts.REFERRALS)).forEach((row, cells) -> {
                    FigureCube cube = rows.computeIfAbsent(row, r -> new FigureCube(period.year(), true,
                            List.of(ANSWER, STATE, REASON), figures.threshold()));
                    CountedFigures.cells(cells).forEach((cell, n) -> CountedFigures.add(cube, place, cell, month, n));
                })));
        List<ReferralFlow> flows = new ArrayList<>();
        FigureLabels labels = figures.labels();
        rows.forEach((key, cube) -> {
            List<String> reasons = cube.groups(REASON).stream().filter(r -> !NOT_DECLINED.equals(r)).toList();
            cube.refine(ANSWER, "ACCEPTED", STATE, List.of("ACCEPTED", "COMPLETED"));
            cube.refine(ANSWER, "DECLINED", REASON, reasons);
            cube.protect();
            String node = period.node();
            Cell made = cube.cell(town, FigureCube.ALL, FigureCube.ALL, node);
            if (cube.count(town, FigureCube.ALL, FigureCube.ALL, node) == 0) {
                return;
            }
            Figure reasonsFigure = Figure.of(cube, town, REASON, period, figures.currentMonth(), labels);
            // The reasons of the declined ones only: the declined cell is their total.
            List<Figure.Group> declinedReasons = reasonsFigure.groups().stream().filter(g -> !NOT_DECLINED.equals(g.key())
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
                    figures.durations(daysToAnswer(months, key, period, town))));
        });
        flows.sort(Comparator.comparing(ReferralFlow::partnerName).thenComparing(ReferralFlow::fieldLabel));
        return flows;
    }

    /** The rows (partner and field) under a town's referrals, with their cells' counts. */
    private static Map<List<String>, Document> rows(Object referrals) {
        Map<List<String>, Document> rows = new java.util.HashMap<>();
        if (referrals instanceof Document partners) {
            partners.forEach((partner, fields) -> {
                if (fields instanceof Document byField) {
                    byField.forEach((field, cells) -> {
                        if (cells instanceof Document c) {
                            rows.put(List.of(FigureCounts.value(partner), FigureCounts.value(field)), c);
                        }
                    });
                }
            });
        }
        return rows;
    }

    /** The days to an answer of the row's referrals made in the period, of all towns or one. */
    private static List<Long> daysToAnswer(Map<YearMonth, Document> months, List<String> row, ReportingPeriod period,
                                           String town) {
        List<Long> days = new ArrayList<>();
        for (YearMonth month : period.months()) {
            CountedFigures.towns(months.getOrDefault(month, new Document())).forEach((place, sections) -> {
                if (town != null && !FigureCounts.key(town).equals(place)) {
                    return;
                }
                CountedFigures.counts(sections.get(FigureCounts.TO_ANSWER), 3).forEach((path, n) -> {
                    String[] keys = path.split("\\.");
                    if (FigureCounts.value(keys[0]).equals(row.get(0)) && FigureCounts.value(keys[1]).equals(row.get(1))) {
                        for (long i = n; i > 0; i--) {
                            days.add(Long.parseLong(FigureCounts.value(keys[2])));
                        }
                    }
                });
            });
        }
        return days;
    }
}
