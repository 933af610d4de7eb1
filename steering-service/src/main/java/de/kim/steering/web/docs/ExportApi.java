package de.kim.steering.web.docs;

import de.kim.steering.query.YearlyReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

/** The OpenAPI documentation of the reports and spreadsheet exports. */
@Tag(name = "Berichte und Exporte", description = "The Landesbericht and the figures as spreadsheet files.")
public interface ExportApi {

    String REPORTS = " Reports: `figures`, `referral-flows`, `gaps`, `themes`, `status-progressions`, `yearly` (with "
            + "`year`; it ends with the comparison with the Handlungskonzept in force on 31 December: goal, figure, "
            + "period, target, value, whether reached, in words); `from`, `to`, `town` and `groupBy` as for the figures (a fixed month, quarter or year). Cells "
            + "below 5 read \"<5\", withheld ones \"x\", groups are named in words, with a row \"nicht ausgewiesen\".";

    @Operation(summary = "The yearly report (Landesbericht)",
            description = "The Kommune's yearly figures for the Land's KIM reporting: cases, referrals, goals, "
                    + "status progressions and themes of the year, anonymised and with small counts suppressed; "
                    + "open cases as they were on 31 December (today for the running year).")
    @ApiResponse(responseCode = "200", description = "The report of the year.")
    @ApiResponse(responseCode = "400", description = "The year is not a plausible reporting year (2000 to 2100).")
    YearlyReport.Report yearlyReport(int year);

    @Operation(summary = "Export a report as CSV",
            description = "A report as a CSV file for a spreadsheet: semicolon-separated, UTF-8 with a byte-order mark, "
                    + "as German spreadsheet programs open it directly." + REPORTS)
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment.", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "`from` and `to` span no calendar month, quarter or year.")
    @ApiResponse(responseCode = "404", description = "No report of that name.")
    ResponseEntity<byte[]> csv(String report, String from, String to, String town, String groupBy, Integer year);

    @Operation(summary = "Export a report as XLSX",
            description = "A report as an Excel workbook; numbers are numbers, so the spreadsheet can sum them." + REPORTS)
    @ApiResponse(responseCode = "200", description = "The workbook, as an attachment.", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "`from` and `to` span no calendar month, quarter or year.")
    @ApiResponse(responseCode = "404", description = "No report of that name.")
    ResponseEntity<byte[]> xlsx(String report, String from, String to, String town, String groupBy, Integer year);
}
