package de.kim.cases.web.docs;

import de.kim.cases.query.CaseFile;
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

/** The OpenAPI documentation of a case's cooperation with the Ausländerbehörde (Baustein 3). */
@Tag(name = "Zusammenarbeit mit der Ausländerbehörde", description = "The link to the residence record, "
        + "integration achievements shared under consent, and status check requests.")
public interface ResidenceApiDocs {

    @Operation(summary = "Link the case to a residence record",
            description = "Links the case to the Ausländerbehörde's residence record of the same person, so that "
                    + "achievements can be shared and status checks asked for (each under the client's consent)."
                    + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Akte der ABH", value = """
                            {"residenceRecordId": "5d0c9a7e-3b2f-4a1d-8e6c-7f9b0a1c2d3e"}"""))))
    @ApiResponse(responseCode = "204", description = "Linked.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the case is linked to another record already.")
    ResponseEntity<Void> linkResidenceRecord(String id, String ifMatch, CaseRequests.LinkResidenceRecord body);

    @Operation(summary = "Record an integration achievement",
            description = "Records what the client achieved (e.g. a B1 certificate, a job). If the case is linked to a "
                    + "residence record and the client's consent for the Ausländerbehörde covers achievements, the "
                    + "office learns it and screens for pathways again (`sharedWithImmigrationOffice` says whether it "
                    + "was shared). `entrusted: true` keeps it in case management." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "B1-Zertifikat", value = """
                            {"kind": "LANGUAGE_CERTIFICATE", "level": "B1", "achievedOn": "2026-11-20",
                             "entrusted": false}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds `id` and `sharedWithImmigrationOffice`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Map<String, Object>> recordAchievement(String id, String ifMatch,
                                                          CaseRequests.RecordAchievement body);

    @Operation(summary = "Ask the Ausländerbehörde for a status check",
            description = "Asks the Ausländerbehörde to check the client's residence status on the linked record (e.g. "
                    + "after a new achievement); it lands on the responsible officer's work list." + IF_MATCH)
    @ApiResponse(responseCode = "201", description = "Asked; the body holds the status check's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    @ApiResponse(responseCode = "422", description = "No residence record is linked "
            + "(`status_check_needs_a_linked_residence_record`), or no valid consent for the Ausländerbehörde releases "
            + "the residence status (`status_check_needs_consent_for_the_immigration_office`).")
    ResponseEntity<Map<String, String>> requestStatusCheck(String id, String ifMatch);

    @Operation(summary = "Read a status check request",
            description = "One status check the case asked of the Ausländerbehörde, and whether the officer has "
                    + "completed it.")
    @ApiResponse(responseCode = "200", description = "The status check.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    CaseFile.StatusCheck statusCheck(String id, String statusCheckId);
}
