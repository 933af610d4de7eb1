package de.kim.cases.web.docs;

import de.kim.cases.web.DataProtectionController.SelfDisclosure;
import de.kim.cases.web.CaseRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import static de.kim.cases.web.docs.CaseDocTexts.CHANGED;
import static de.kim.cases.web.docs.CaseDocTexts.ENTRY_NOT_FOUND;
import static de.kim.cases.web.docs.CaseDocTexts.IF_MATCH;
import static de.kim.cases.web.docs.CaseDocTexts.NOT_FOUND;

/** The OpenAPI documentation of the client's data rights on a case: entrusted data, erasure, holds, disclosure. */
@Tag(name = "Datenschutz", description = "Anvertraute Daten, erasure, legal hold, dispute and the client's "
        + "self-disclosure.")
public interface PrivacyApiDocs {

    String BLOCK = """
            {"active": true, "reason": "Klient bestreitet die Richtigkeit der Angaben zur Wohnsituation."}""";

    @Operation(summary = "Mark a need, measure, achievement or contact as entrusted",
            description = "Marks an item as anvertraute Daten (§ 65 SGB VIII): entrusted to the case manager personally, "
                    + "it never leaves case management, under no consent. `kind` is `needs`, `measures`, "
                    + "`achievements` or `contacts`." + IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Marked.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or it is marked already.")
    ResponseEntity<Void> markEntrusted(String id, String kind, String itemId, String ifMatch);

    @Operation(summary = "Erase the client's personal data",
            description = "Erases the client's data on a lawful request (Art. 17 GDPR) or when the retention period has "
                    + "passed: the client's key is destroyed, so the data is unreadable everywhere, in the events, the "
                    + "read models and the partners' copies. The anonymous facts stay for the figures. `reference` "
                    + "names the file of the request.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Antrag auf Löschung", value = """
                            {"ground": "LAWFUL_REQUEST", "reference": "DS-2026-017"}"""))))
    @ApiResponse(responseCode = "204", description = "Erased.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "Erased already.")
    @ApiResponse(responseCode = "422", description = "The case is under legal hold (`no_erasure_under_legal_hold`) or "
            + "its data is disputed (`no_erasure_of_disputed_data`), or the retention period runs from a closure that "
            + "has not happened (`retention_runs_from_closure`).")
    ResponseEntity<Void> erase(String id, CaseRequests.Erasure body);

    @Operation(summary = "Put on or lift a legal hold",
            description = "While a legal hold lasts (e.g. a court case), nothing of the case is erased.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Klageverfahren", value = """
                            {"active": true, "reason": "Widerspruchsverfahren beim Sozialgericht anhängig"}"""))))
    @ApiResponse(responseCode = "204", description = "Set.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<Void> legalHold(String id, CaseRequests.ErasureBlockState body);

    @Operation(summary = "Mark the data disputed, or lift it",
            description = "The client disputes the correctness of the data (§ 84 SGB X): disputed data is blocked, not "
                    + "erased, until the dispute is settled (then corrected, Berichtigung, or confirmed).",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "bestritten", value = BLOCK))))
    @ApiResponse(responseCode = "204", description = "Set.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<Void> dispute(String id, CaseRequests.ErasureBlockState body);

    @Operation(summary = "The client's self-disclosure",
            description = "Everything case management holds about the client (Art. 15 GDPR) as a JSON file to hand "
                    + "over: the case file, its history, who accessed it and why, and the accesses of the "
                    + "Netzwerkpartner and the Ausländerbehörde to the data shared with them.")
    @ApiResponse(responseCode = "200", description = "The self-disclosure, as an attachment.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<SelfDisclosure> selfDisclosure(String id);
}
