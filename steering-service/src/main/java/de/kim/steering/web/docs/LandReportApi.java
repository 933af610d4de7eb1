package de.kim.steering.web.docs;

import de.kim.steering.query.LandReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

/** The OpenAPI documentation of the report to the Land. */
@Tag(name = "Berichte und Exporte", description = "The Landesbericht and the figures as spreadsheet files.")
public interface LandReportApi {

    String STRUCTURE = " Sections as the state programme reports: 1. Fälle (opened in the year, open on 31 December, "
            + "closed in the year) by Zielgruppe and Zugangsweg; 2. Handlungsfelder (needs assessed by field); "
            + "3. Ergebnisse (closure outcomes); 4. Beratung (contacts and hours by kind); 5. Netzwerk (active partner "
            + "organisations by kind; referrals made, accepted and declined by partner and field). Each table has its total; "
            + "cells below 5 read \"<5\", withheld ones \"x\", and a row \"nicht ausgewiesen\" holds the suppressed "
            + "parts so every table adds up. Groups are named in words.";

    String EXAMPLE = """
            {"kommune": "Kreis Musterland (Demo)", "year": 2025, "generatedOn": "2026-01-15",
             "method": "Anonymisiert: nur Zählungen, keine Personen. …",
             "sections": [{"name": "cases", "title": "1. Fälle", "tables": [{"name": "casesOpenedByTargetGroup",
               "title": "Fälle eröffnet im Jahr nach Zielgruppe", "figure": {"total": {"count": 212, "display": "212"},
               "groups": [{"key": "FAMILIES", "label": "Familien", "value": {"count": 180, "display": "180"}},
                          {"key": "TOLERATED", "label": "Geduldete", "value": {"count": null, "display": "<5"}},
                          {"key": "SUPPRESSED", "label": "nicht ausgewiesen", "value": {"count": 32, "display": "32"}}]}}]}]}
            """;

    @Operation(summary = "The report to the Land (Landesbericht)",
            description = "The Kommune's report of a year in the structure of the state programme's reporting, "
                    + "anonymised and suppressed like every figure, with a header (Kommune, year, day made, method)."
                    + STRUCTURE)
    @ApiResponse(responseCode = "200", description = "The report of the year.", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = LandReport.Report.class),
            examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "The year is not a plausible reporting year (2000 to 2100).")
    LandReport.Report report(int year);

    @Operation(summary = "The report to the Land as CSV",
            description = "The report as a CSV file (semicolon-separated, UTF-8 with a byte-order mark): the header "
                    + "rows, then one row per cell with section, table, group (\"Gesamt\" first) and value." + STRUCTURE)
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment.", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "The year is not a plausible reporting year (2000 to 2100).")
    ResponseEntity<byte[]> csv(int year);

    @Operation(summary = "The report to the Land as XLSX",
            description = "The same rows as the CSV as an Excel workbook; numbers are numbers." + STRUCTURE)
    @ApiResponse(responseCode = "200", description = "The workbook, as an attachment.", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "The year is not a plausible reporting year (2000 to 2100).")
    ResponseEntity<byte[]> xlsx(int year);
}
