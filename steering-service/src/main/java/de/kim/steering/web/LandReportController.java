package de.kim.steering.web;

import de.kim.platform.web.SpreadsheetFiles;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.TenantId;
import de.kim.steering.query.FigureLabels;
import de.kim.steering.query.LandReport;
import de.kim.steering.web.docs.LandReportApi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report to the Land ({@link LandReport}) as JSON and as a CSV or XLSX file: a header (Kommune,
 * year, day made, method), then one row per cell: section, table, group ("Gesamt" first), value.
 */
@RestController
public class LandReportController implements LandReportApi {

    /** The rows before the figures: heading, Kommune, year, day, method, column names. */
    private static final int HEADER_ROWS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final LandReport land;
    private final FiguresController context;
    private final TenantDirectory tenants;
    private final FigureLabels labels;

    public LandReportController(LandReport land, FiguresController context, TenantDirectory tenants,
                                FigureLabels labels) {
        this.land = land;
        this.context = context;
        this.tenants = tenants;
        this.labels = labels;
    }

    @GetMapping("/api/steering/reports/land/{year}")
    public LandReport.Report report(@PathVariable int year) {
        String tenant = context.tenant();
        return land.of(tenant, tenants.require(new TenantId(tenant)).name(), ExportController.year(year));
    }

    @GetMapping("/api/steering/reports/land/{year}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable int year) {
        return SpreadsheetFiles.csv("landesbericht-" + year, rows(report(year)));
    }

    @GetMapping("/api/steering/reports/land/{year}.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable int year) {
        return SpreadsheetFiles.xlsx("landesbericht-" + year, rows(report(year)), HEADER_ROWS);
    }

    private List<List<String>> rows(LandReport.Report report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(labels.message("steering.land.heading")));
        rows.add(List.of(labels.message("steering.land.kommune"), report.kommune()));
        rows.add(List.of(labels.message("steering.land.year"), String.valueOf(report.year())));
        rows.add(List.of(labels.message("steering.land.generatedOn"), report.generatedOn().format(DAY)));
        rows.add(List.of(labels.message("steering.land.methodHeading"), report.method()));
        rows.add(List.of(labels.message("steering.land.columns").split(";")));
        String total = labels.message("steering.land.total");
        for (LandReport.Section section : report.sections()) {
            for (LandReport.Table table : section.tables()) {
                rows.add(List.of(section.title(), table.title(), total, table.figure().total().display()));
                table.figure().groups().forEach(g -> rows.add(List.of(section.title(), table.title(), g.label(),
                        g.value().display())));
            }
        }
        return rows;
    }
}
