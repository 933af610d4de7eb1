package de.kim.steering.web;

import de.kim.platform.web.SpreadsheetFiles;
import de.kim.steering.web.docs.ExportApi;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.query.ActionPlanProgress;
import de.kim.steering.query.ActionPlanView;
import de.kim.steering.query.Durations;
import de.kim.steering.query.FigureLabels;
import de.kim.steering.query.Figure;
import de.kim.steering.query.ReferralFlows;
import de.kim.steering.query.ReportingPeriod;
import de.kim.steering.query.SmallCellSuppression.Cell;
import de.kim.steering.query.SteeringFigures;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.TenantFacts;
import de.kim.steering.query.YearlyReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures as files for a spreadsheet, CSV or XLSX ({@link SpreadsheetFiles}). Suppressed cells
 * read "&lt;5", withheld ones "x".
 * Reports: {@code figures}, {@code referral-flows}, {@code gaps}, {@code themes},
 * {@code status-progressions}, {@code yearly} (with {@code year}).
 */
@RestController
public class ExportController implements ExportApi {

    private final SteeringFigures figures;
    private final YearlyReport yearly;
    private final ReferralFlows flows;
    private final FiguresController context;

    public ExportController(SteeringFigures figures, ReferralFlows flows, YearlyReport yearly, FiguresController context) {
        this.figures = figures;
        this.flows = flows;
        this.yearly = yearly;
        this.context = context;
    }

    @GetMapping("/api/steering/reports/yearly/{year}")
    public YearlyReport.Report yearlyReport(@PathVariable int year) {
        return yearly.of(context.tenant(), year(year));
    }

    @GetMapping("/api/steering/exports/{report}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String report, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String town,
                                      @RequestParam(defaultValue = "month") String groupBy,
                                      @RequestParam(required = false) Integer year) {
        return SpreadsheetFiles.csv(report, rows(report, from, to, town, groupBy, year));
    }

    @GetMapping("/api/steering/exports/{report}.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String report, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String town,
                                       @RequestParam(defaultValue = "month") String groupBy,
                                       @RequestParam(required = false) Integer year) {
        return SpreadsheetFiles.xlsx(report, rows(report, from, to, town, groupBy, year), 1);
    }

    private List<List<String>> rows(String report, String from, String to, String town, String groupBy, Integer year) {
        String tenant = context.tenant();
        TenantFacts facts = figures.load(tenant);
        ReportingPeriod period = context.period(from, to);
        List<List<String>> rows = new ArrayList<>();
        switch (report) {
            case "figures" -> {
                rows.add(List.of("Kennzahl", "Gruppe", "Wert"));
                CaseFigures f = figures.figures(facts, period, town, FiguresController.groupBy(groupBy));
                Map<String, Figure> named = new LinkedHashMap<>();
                named.put("Fälle eröffnet", f.casesOpened());
                named.put("Fälle abgeschlossen", f.casesClosed());
                named.put("Abschlüsse nach Ergebnis", f.closedByOutcome());
                named.put("Fälle offen am Ende des Zeitraums", f.casesOpen());
                named.put("Fallbelastung (offene Fälle)", f.caseload());
                named.put("Bedarfe erfasst", f.needsAssessed());
                named.put("Ziele erreicht", f.goalsReached());
                named.put("Warnungen Doppelförderung", f.doubleFundingWarnings());
                named.put("Rechtskreiswechsel", f.legalDomainChanges());
                named.forEach((name, figure) -> figureRows(rows, name, figure));
                durationRows(rows, "Tage bis zur ersten Verweisung", f.openingToFirstReferral());
                durationRows(rows, "Tage bis zum Abschluss", f.openingToClosure());
            }
            case "referral-flows" -> {
                rows.add(List.of("Partner", "Handlungsfeld", "Verweisungen", "angenommen", "abgelehnt", "abgeschlossen",
                        "zurückgezogen"));
                flows.of(facts, period, town).forEach(r -> rows.add(List.of(r.partnerName(),
                        r.fieldLabel(), cell(r.made()), cell(r.accepted()), cell(r.declined()), cell(r.completed()),
                        cell(r.withdrawn()))));
            }
            case "gaps" -> {
                rows.add(List.of("Ort", "Handlungsfeld", "offene Bedarfe", "Grund", "abgelehnte Verweisungen"));
                figures.gaps(facts).forEach(g -> rows.add(List.of(g.town(), g.fieldLabel(),
                        cell(g.openNeeds()), g.reasonLabel(), cell(g.declinedReferrals()))));
            }
            case "themes" -> {
                rows.add(List.of("Kennzahl", "Gruppe", "Wert"));
                figureRows(rows, "Generative Themen", figures.themes(facts, period));
            }
            case "status-progressions" -> {
                rows.add(List.of("Kennzahl", "Gruppe", "Wert"));
                SteeringFigures.StatusProgressions p = figures.statusProgressions(facts, period);
                figureRows(rows, "Aufenthaltswechsel nach Weg", p.byPathway());
                figureRows(rows, "Aufenthaltswechsel nach Übergang", p.byTransition());
                figureRows(rows, "Übergänge aus § 104c nach Weg", p.chancenTransitions());
            }
            case "yearly" -> {
                if (year == null) {
                    throw new InvalidInputException("year", "steering.year.missing");
                }
                YearlyReport.Report r = yearly.of(tenant, year(year));
                rows.add(List.of("Kennzahl", "Gruppe", "Wert"));
                r.sections().forEach(s -> figureRows(rows, s.title(), s.figure()));
                durationRows(rows, "Tage bis zur ersten Verweisung", r.openingToFirstReferral());
                durationRows(rows, "Tage bis zum Abschluss", r.openingToClosure());
                planRows(rows, r.actionPlan());
            }
            default -> throw new NotFoundException("steering.report.unknown");
        }
        return rows;
    }

    static Year year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "steering.year.invalid");
        }
        return Year.of(year);
    }

    private static void figureRows(List<List<String>> rows, String name, Figure figure) {
        rows.add(List.of(name, "Gesamt", cell(figure.total())));
        figure.groups().forEach(g -> rows.add(List.of(name, g.label(), cell(g.value()))));
    }

    /**
     * The comparison with the Handlungskonzept in force on 31 December: its version, then one row per
     * indicator of each goal (goal, figure, period, target, value, whether reached), all in words. The
     * value is the indicator's own, as on the plan page, with the small-cell rule.
     */
    private void planRows(List<List<String>> rows, YearlyReport.PlanInForce plan) {
        FigureLabels labels = figures.labels();
        rows.add(List.of(labels.message("steering.export.plan"), plan.label()));
        if (plan.goals().isEmpty()) {
            return;
        }
        rows.add(List.of(labels.message("steering.export.plan.columns").split(";")));
        for (ActionPlanProgress.Goal goal : plan.goals()) {
            if (goal.indicators().isEmpty()) {
                rows.add(List.of(goal.title(), labels.message("steering.export.plan.noIndicator"), "", "", "", ""));
            }
            for (ActionPlanProgress.Progress p : goal.indicators()) {
                ActionPlanView.Indicator i = p.indicator();
                String reached = p.met() == null ? labels.message("steering.export.plan.suppressed")
                        : labels.message(p.met() ? "steering.export.plan.met" : "steering.export.plan.notMet");
                rows.add(List.of(goal.title(), labels.of("METRIC", i.metric().name()), span(labels, i),
                        labels.of("DIRECTION", i.direction().name()) + " " + i.target(), cell(p.current()), reached));
            }
        }
    }

    private static String span(FigureLabels labels, ActionPlanView.Indicator i) {
        if (i.from() == null && i.to() == null) {
            return labels.message("steering.export.plan.anyTime");
        }
        String from = i.from() == null ? "…" : labels.of("MONTH", i.from());
        String to = i.to() == null ? "…" : labels.of("MONTH", i.to());
        return from.equals(to) ? from : from + " – " + to;
    }

    private static void durationRows(List<List<String>> rows, String name, Durations d) {
        rows.add(List.of(name, "Fälle", cell(d.cases())));
        // An empty cell rather than "null" where there are too few cases for a median.
        rows.add(List.of(name, "Median", d.medianDays() == null ? "" : String.valueOf(d.medianDays())));
        rows.add(List.of(name, "90. Perzentil", d.p90Days() == null ? "" : String.valueOf(d.p90Days())));
    }

    private static String cell(Cell cell) {
        return cell.display();
    }
}
