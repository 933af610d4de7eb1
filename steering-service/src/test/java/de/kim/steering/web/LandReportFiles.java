package de.kim.steering.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.steering.web.DisclosureControlTest.Published;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DisclosureControlTest} checks of the report to the Land: its tables as published
 * counts (each a view of the figure the steering pages show), and its CSV and XLSX files showing
 * exactly the report's cells, in words.
 */
final class LandReportFiles {

    /** The counts the report publishes, read with the test's figure reader (which checks that every table adds up). */
    interface FigureReader {
        List<Published> figure(String figure, JsonNode node, Set<YearMonth> months, String town, String dimension);
    }

    /** Which figure each table shows, grouped how; the hours and the partner organisations are no counts of persons. */
    private static final Map<String, String[]> TABLES = Map.ofEntries(
            Map.entry("casesOpenedByTargetGroup", new String[]{"casesOpened", "targetGroup"}),
            Map.entry("casesOpenByTargetGroup", new String[]{"casesOpen", "targetGroup"}),
            Map.entry("casesClosedByTargetGroup", new String[]{"casesClosed", "targetGroup"}),
            Map.entry("casesOpenedByAccessRoute", new String[]{"casesOpened", "accessRoute"}),
            Map.entry("casesOpenByAccessRoute", new String[]{"casesOpen", "accessRoute"}),
            Map.entry("casesClosedByAccessRoute", new String[]{"casesClosed", "accessRoute"}),
            Map.entry("needsByField", new String[]{"needsAssessed", "fieldOfAction"}),
            Map.entry("casesClosedByOutcome", new String[]{"casesClosed", "OUTCOME"}),
            Map.entry("contactsByKind", new String[]{"contacts", "KIND"}));
    private static final Map<String, String> REFERRALS = Map.of("referralsMade", "/", "referralsAccepted", "/A",
            "referralsDeclined", "/D");

    private LandReportFiles() {
    }

    static List<Published> published(JsonNode report, Set<YearMonth> months, FigureReader reader) {
        assertThat(report.path("kommune").asText()).isNotBlank().doesNotMatch("[a-z0-9-]+");
        assertThat(report.path("method").asText()).contains("nicht ausgewiesen");
        List<Published> numbers = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode section : report.path("sections")) {
            for (JsonNode table : section.path("tables")) {
                String name = table.path("name").asText();
                seen.add(name);
                JsonNode figure = table.path("figure");
                if (TABLES.containsKey(name)) {
                    numbers.addAll(reader.figure(TABLES.get(name)[0], figure, months, null, TABLES.get(name)[1]));
                } else if (REFERRALS.containsKey(name)) {
                    // The rows are the referral flows' cells, by partner and field; checked against those.
                    for (Published p : reader.figure(name, figure, months, null, "flow")) {
                        if (p.group() != null && !"SUPPRESSED".equals(p.group())) {
                            String[] row = p.group().split("/");
                            numbers.add(new Published("flow:" + row[0] + ":" + row[1], months, null, "flow",
                                    REFERRALS.get(name), p.value()));
                        }
                    }
                } else {
                    reader.figure(name, figure, months, null, "none");
                }
            }
        }
        assertThat(seen).contains("casesOpenedByAccessRoute", "casesOpenByTargetGroup", "needsByField",
                "casesClosedByOutcome", "contactsByKind", "hoursByKind", "activePartnersByKind", "referralsDeclined");
        return numbers;
    }

    /** The CSV and the workbook show the report's cells, in the same rows, and nothing in them is a code or "null". */
    static void assertFilesShowTheReport(JsonNode report, String csv, byte[] xlsx) throws IOException {
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode section : report.path("sections")) {
            for (JsonNode table : section.path("tables")) {
                String s = section.path("title").asText();
                String t = table.path("title").asText();
                expected.add(List.of(s, t, "Gesamt", table.at("/figure/total/display").asText()));
                for (JsonNode g : table.at("/figure/groups")) {
                    expected.add(List.of(s, t, g.path("label").asText(), g.at("/value/display").asText()));
                }
            }
        }
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[1]).isEqualTo("Kommune;" + report.path("kommune").asText());
        List<List<String>> csvRows = new ArrayList<>();
        for (int i = 6; i < lines.length; i++) {
            csvRows.add(List.of(lines[i].split(";", -1)));
        }
        assertThat(csvRows).isEqualTo(expected);
        List<List<String>> xlsxRows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 6; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (Cell c : row) {
                    cells.add(c.getCellType() == CellType.NUMERIC ? String.valueOf((long) c.getNumericCellValue())
                            : c.getStringCellValue());
                }
                xlsxRows.add(cells);
            }
        }
        assertThat(xlsxRows).isEqualTo(expected);
        for (List<String> row : expected) {
            assertThat(String.join(" ", row)).doesNotContain("null").doesNotMatch(".*\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b.*")
                    .doesNotMatch(".*[0-9a-f]{8}-[0-9a-f]{4}-.*");
        }
    }
}
