package de.kim.steering.web.docs;

import de.kim.steering.query.CounsellingFigures.Counselling;
import de.kim.steering.query.Figure;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.Gap;
import de.kim.steering.query.ReferralFlows.ReferralFlow;
import de.kim.steering.query.SteeringFigures.StatusProgressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The OpenAPI documentation of the steering figures. */
@Tag(name = "Kennzahlen", description = "The figures the Lenkungsgruppe decides from: counts only, never a person. "
        + "A count below the threshold (`kim.steering.suppression-threshold`, default 5) shows as \"<5\"; a count "
        + "withheld so that a small one cannot be computed from it shows as \"x\"; a last group `SUPPRESSED` "
        + "(\"nicht ausgewiesen\") holds what the hidden groups add up to, so that the groups add up to the total. "
        + "Every group has a `label` in words (German; English with `Accept-Language: en`). Periods are fixed: "
        + "a calendar month, quarter or year, `from` and `to` as `YYYY-MM` (e.g. `from=2026-04&to=2026-06`), the "
        + "current year without them; a free range is refused with 400. A town filter shows exactly the cell that "
        + "the table by town shows. Method and limits: docs/ARCHITECTURE.md, \"Disclosure control\".")
public interface FiguresApi {

    String PERIOD = " The period: `from` and `to` (`YYYY-MM`) spanning one calendar month, quarter or year; without "
            + "both, the current year. Another range is answered with 400.";

    @Operation(summary = "Cases opened and closed",
            description = "Cases opened and closed (and by outcome), open at the end of the period (today for the "
                    + "running one, from the cases' history), needs assessed, goals reached, double-funding warnings "
                    + "and legal-domain changes, grouped by `month` (default), `town`, `target-group` (Zielgruppe), "
                    + "`access-route` (Zugangsweg), "
                    + "`field-of-action` (Handlungsfeld) or `legal-domain` (Rechtskreis), optionally for one town. "
                    + "`caseload` counts open cases per town; per case manager only where the tenant has enabled "
                    + "`kim.steering.workload-by-person` (a works-council decision, off by default)." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The figures of the period.")
    @ApiResponse(responseCode = "400", description = "Not a month, or `from` and `to` span no calendar month, quarter "
            + "or year, or an unknown grouping.")
    CaseFigures figures(String from, String to, String town, String groupBy);

    @Operation(summary = "Referral flows",
            description = "Which Netzwerkpartner receive referrals (Verweisungen) from Fallmanagement, how many they "
                    + "accept or decline (by reason) and how long a client waits for the answer; each row's numbers "
                    + "are protected together, so none is the difference of two others that gives a small count "
                    + "away." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The rows, by partner and field of action.")
    @ApiResponse(responseCode = "400", description = "`from` and `to` span no calendar month, quarter or year.")
    List<ReferralFlow> referralFlows(String from, String to, String town);

    @Operation(summary = "Gaps in the offers",
            description = "Lücken: needs per town and Handlungsfeld for which no partner offer with free capacity "
                    + "exists in the client's town, the material for the Handlungskonzept.")
    List<Gap> gaps();

    @Operation(summary = "Residence status progressions",
            description = "How many people of the Ausländerbehörde's records moved on to a secure status (Bleiberecht, "
                    + "Verstetigung), by pathway (§ 25a, § 25b, § 104c AufenthG, § 10 StAG)." + PERIOD)
    StatusProgressions statusProgressions(String from, String to);

    @Operation(summary = "Generative themes",
            description = "The structural barriers case managers tagged on cases (e.g. no language course with child "
                    + "care in a town), counted and anonymised: the material for Projektgruppen and "
                    + "Fallrekonstruktionen. Free text counts as \"Sonstiges Thema\"." + PERIOD)
    Figure themes(String from, String to);

    @Operation(summary = "Counselling contacts and hours",
            description = "The Beratungskontakte of Fallmanagement (qualified individual counselling, Baustein 2): how "
                    + "many, and how many hours, grouped by `kind` (default: in person, phone, video, home visit, "
                    + "accompaniment, e-mail), `town` or `month`, optionally for one town. Counts only, never who or "
                    + "what was said. Hours are shown only for the groups whose number of contacts is shown." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The contacts and the hours of the period.")
    @ApiResponse(responseCode = "400", description = "`from` and `to` span no calendar month, quarter or year, or an "
            + "unknown grouping.")
    Counselling counselling(String from, String to, String town, String groupBy);
}
