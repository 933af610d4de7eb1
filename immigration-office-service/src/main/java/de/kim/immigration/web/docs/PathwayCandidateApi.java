package de.kim.immigration.web.docs;

import de.kim.immigration.api.Pathway;
import de.kim.immigration.web.CandidateList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

/** The OpenAPI documentation of the candidate lists of the immigration office. */
@Tag(name = "Kandidatenlisten", description = "Who may qualify for a pathway to a secure status, now or soon.")
public interface PathwayCandidateApi {

    @Operation(summary = "Candidates for a pathway",
            description = "The open records of the Kommune that meet the screenable requirements of a pathway "
                    + "(§ 25a, § 25b, § 104c, § 9 AufenthG, § 10 StAG) on `asOf` (default today), or will meet them "
                    + "by `asOf` + `within` (an ISO-8601 period such as `P6M`; default `P0D`) if nothing but time "
                    + "changes and the current status is extended. Each entry names what is still missing on `asOf` "
                    + "and what the officer checks, in words, and the rule-set version used. Those who meet them now "
                    + "come first. Screening never decides. Paged (`page` from 0, `size` 1..200, default 50); "
                    + "`total` counts all pages. Every record listed is logged as read.")
    @ApiResponse(responseCode = "200", description = "One page of candidates.")
    @ApiResponse(responseCode = "400", description = "No `pathway`, an unknown one, a `within` that is not a period "
            + "from `P0D` to `P10Y`, a bad `asOf`, `page` or `size`.")
    CandidateList candidates(@Parameter(description = "The pathway, e.g. `AUFENTHG_25B`.", required = true)
                             Pathway pathway,
                             @Parameter(description = "ISO-8601 period to look ahead, e.g. `P6M`.", example = "P6M")
                             String within,
                             @Parameter(description = "The day (YYYY-MM-DD); default today.") LocalDate asOf,
                             @Parameter(description = "Page number from 0.") String page,
                             @Parameter(description = "Entries per page, 1..200.") String size);

    @Operation(summary = "Candidates for a pathway as a CSV file",
            description = "Every candidate of the list with the same `pathway`, `within` and `asOf` (all pages), as a "
                    + "CSV file for the office's own procedure (semicolon-separated, UTF-8): a head with the pathway, "
                    + "the day and the end of the period, then one row per candidate with Aktenzeichen and name, "
                    + "officer, residence status, whether the requirements are met or expected to be met and by when "
                    + "(tt.mm.jjjj), what is still missing, what the office checks and the rule-set version; all in "
                    + "words, no codes. Names are personal data: for immigration officers only, and every record in "
                    + "the file is logged as read.")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment.")
    @ApiResponse(responseCode = "400", description = "No `pathway`, an unknown one, a bad `within` or `asOf`.")
    ResponseEntity<byte[]> csv(@Parameter(description = "The pathway, e.g. `AUFENTHG_25B`.", required = true)
                               Pathway pathway,
                               @Parameter(description = "ISO-8601 period to look ahead, e.g. `P6M`.", example = "P6M")
                               String within,
                               @Parameter(description = "The day (YYYY-MM-DD); default today.") LocalDate asOf,
                               @Parameter(hidden = true) HttpServletRequest request);

    @Operation(summary = "Candidates for a pathway as an XLSX file",
            description = "The same as the CSV file, as a workbook of one sheet.")
    @ApiResponse(responseCode = "200", description = "The XLSX file, as an attachment.")
    @ApiResponse(responseCode = "400", description = "No `pathway`, an unknown one, a bad `within` or `asOf`.")
    ResponseEntity<byte[]> xlsx(@Parameter(description = "The pathway, e.g. `AUFENTHG_25B`.", required = true)
                                Pathway pathway,
                                @Parameter(description = "ISO-8601 period to look ahead, e.g. `P6M`.", example = "P6M")
                                String within,
                                @Parameter(description = "The day (YYYY-MM-DD); default today.") LocalDate asOf,
                                @Parameter(hidden = true) HttpServletRequest request);
}
