package de.kim.steering.web;

import de.kim.platform.domain.NotFoundException;
import de.kim.steering.query.Figure;
import de.kim.steering.query.Period;
import de.kim.steering.query.SmallCellSuppression.Cell;
import de.kim.steering.query.SteeringFigures;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures as CSV files for a spreadsheet: semicolon-separated and UTF-8 with a byte-order
 * mark, as German spreadsheet programs open them directly; suppressed cells read "&lt;5".
 */
@RestController
public class ExportController {

    private final SteeringFigures figures;
    private final FiguresController context;

    public ExportController(SteeringFigures figures, FiguresController context) {
        this.figures = figures;
        this.context = context;
    }

    @GetMapping("/api/steering/exports/{report}.csv")
    public ResponseEntity<byte[]> export(@PathVariable String report, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String town,
                                         @RequestParam(defaultValue = "month") String groupBy) {
        String tenant = context.tenant();
        Period period = FiguresController.period(from, to);
        StringBuilder csv = new StringBuilder("\uFEFF");
        switch (report) {
            case "figures" -> {
                csv.append("Kennzahl;Gruppe;Wert\r\n");
                CaseFigures f = figures.figures(tenant, period, town, FiguresController.groupBy(groupBy));
                Map<String, Figure> rows = new LinkedHashMap<>();
                rows.put("Fälle eröffnet", f.casesOpened());
                rows.put("Fälle abgeschlossen", f.casesClosed());
                rows.put("Abschlüsse nach Ergebnis", f.closedByOutcome());
                rows.put("Fälle offen", f.casesOpenNow());
                rows.put("Fallzahl je Fallmanagement", f.caseload());
                rows.put("Bedarfe erfasst", f.needsAssessed());
                rows.put("Ziele erreicht", f.goalsReached());
                rows.put("Warnungen Doppelförderung", f.doubleFundingWarnings());
                rows.put("Rechtskreiswechsel", f.legalDomainChanges());
                rows.forEach((name, figure) -> figureRows(csv, name, figure));
            }
            case "referral-flows" -> {
                csv.append("Partner;Handlungsfeld;Verweisungen;angenommen;abgelehnt;abgeschlossen;zurückgezogen\r\n");
                figures.referralFlows(tenant, period, town).forEach(r -> csv.append(String.join(";", quote(r.partnerName()),
                        r.fieldOfAction(), cell(r.made()), cell(r.accepted()), cell(r.declined()), cell(r.completed()),
                        cell(r.withdrawn()))).append("\r\n"));
            }
            case "gaps" -> {
                csv.append("Ort;Handlungsfeld;offene Bedarfe;Grund;abgelehnte Verweisungen\r\n");
                figures.gaps(tenant).forEach(g -> csv.append(String.join(";", quote(g.town()), g.fieldOfAction(),
                        cell(g.openNeeds()), g.reason(), cell(g.declinedReferrals()))).append("\r\n"));
            }
            case "themes" -> {
                csv.append("Kennzahl;Gruppe;Wert\r\n");
                figureRows(csv, "Generative Themen", figures.themes(tenant, period));
            }
            case "status-progressions" -> {
                csv.append("Kennzahl;Gruppe;Wert\r\n");
                figureRows(csv, "Aufenthaltswechsel nach Weg", figures.statusProgressions(tenant, period).byPathway());
                figureRows(csv, "Aufenthaltswechsel nach Übergang",
                        figures.statusProgressions(tenant, period).byTransition());
            }
            default -> throw new NotFoundException("steering.report.unknown");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kim-" + report + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void figureRows(StringBuilder csv, String name, Figure figure) {
        csv.append(quote(name)).append(";Gesamt;").append(cell(figure.total())).append("\r\n");
        figure.groups().forEach(g -> csv.append(quote(name)).append(';').append(quote(g.key())).append(';')
                .append(cell(g.value())).append("\r\n"));
    }

    private static String cell(Cell cell) {
        return cell.display();
    }

    private static String quote(String value) {
        String text = value == null ? "" : value;
        return text.matches("[^;\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
