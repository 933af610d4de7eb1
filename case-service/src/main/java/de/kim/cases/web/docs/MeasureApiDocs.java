package de.kim.cases.web.docs;

import de.kim.cases.web.CaseRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static de.kim.cases.web.docs.CaseDocTexts.CHANGED;
import static de.kim.cases.web.docs.CaseDocTexts.ENTRY_NOT_FOUND;
import static de.kim.cases.web.docs.CaseDocTexts.IF_MATCH;
import static de.kim.cases.web.docs.CaseDocTexts.NOT_FOUND;

/** The OpenAPI documentation of a case's measures and their funding. */
@Tag(name = "Maßnahmen", description = "Measures for a need and who funds them; warnings of Doppelförderung.")
public interface MeasureApiDocs {

    @Operation(summary = "Record a measure",
            description = "Records a measure for a need (e.g. a language course), which Rechtskreis funds it and for "
                    + "which period. If the same kind of measure is already funded from another Rechtskreis in that "
                    + "time, the platform warns of Doppelförderung: the measure then awaits confirmation with a "
                    + "justification (`status: AWAITING_CONFIRMATION`, `doubleFundingWith` names the other measures)."
                    + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Integrationskurs über das SGB II", value = """
                            {"kind": "INTEGRATION_COURSE", "needId": "2b9e7d1c-5a4f-4e3b-8c2d-1f0a9b8c7d6e",
                             "fundedBy": "SGB_II", "from": "2026-04-01", "to": "2026-12-31",
                             "provider": "Sprachschule Rheinland gGmbH", "entrusted": false}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds `id`, `status` (`ACTIVE` or "
            + "`AWAITING_CONFIRMATION`) and `doubleFundingWith`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Map<String, Object>> recordMeasure(String id, String ifMatch, CaseRequests.RecordMeasure body);

    @Operation(summary = "Confirm a measure despite double funding",
            description = "The case manager confirms a measure the platform warned of as Doppelförderung, with the "
                    + "justification (e.g. the funding bodies agreed on the interface)." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "abgestimmt", value = """
                            {"justification": "Mit Jobcenter abgestimmt: Kurs ergänzt, ersetzt nicht die Maßnahme."}"""))))
    @ApiResponse(responseCode = "204", description = "Confirmed.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the measure awaits no confirmation.")
    ResponseEntity<Void> confirmMeasure(String id, String measureId, String ifMatch, CaseRequests.ConfirmMeasure body);

    @Operation(summary = "Withdraw a measure", description = "The measure does not take place or ends early, with "
            + "the reason." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "abgebrochen", value = """
                            {"reason": "Kurs vom Träger abgesagt."}"""))))
    @ApiResponse(responseCode = "204", description = "Withdrawn.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the measure is withdrawn already.")
    ResponseEntity<Void> withdrawMeasure(String id, String measureId, String ifMatch, CaseRequests.Reason body);

    @Operation(summary = "Change the case's Rechtskreise",
            description = "Records from when the client's benefits come from which legal domains (SGB II, SGB III, "
                    + "SGB VIII, SGB XII, AsylbLG, AufenthG): the basis for telling Doppelförderung." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Wechsel ins SGB II", value = """
                            {"legalDomains": ["SGB_II"], "since": "2026-02-01"}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Void> changeLegalDomains(String id, String ifMatch, CaseRequests.ChangeLegalDomains body);
}
