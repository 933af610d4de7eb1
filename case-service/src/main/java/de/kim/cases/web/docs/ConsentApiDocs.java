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

/** The OpenAPI documentation of a case's consents (Einwilligung, Schweigepflichtentbindung). */
@Tag(name = "Einwilligungen", description = "What the client allows to be shared, with whom, for what, until when.")
public interface ConsentApiDocs {

    @Operation(summary = "Record a consent",
            description = "Records the client's consent (Einwilligung, Schweigepflichtentbindung) towards one recipient "
                    + "(a Netzwerkpartner's id, or `immigration-office` for the Ausländerbehörde): for which purposes, "
                    + "which data categories, in what form, given when, valid until when, and where the signed proof is "
                    + "kept. Nothing is shared with a recipient without it." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Schweigepflichtentbindung für den Sprachkursträger", value = """
                            {"recipient": "sprachschule-rheinland", "purposes": ["REFERRAL"],
                             "dataCategories": ["IDENTITY", "CONTACT", "LANGUAGES"], "form": "WRITTEN",
                             "givenOn": "2026-03-02", "validUntil": "2027-03-01",
                             "evidenceReference": "Papierakte, Blatt 12"}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the consent's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    @ApiResponse(responseCode = "422", description = "The consent would end before it starts "
            + "(`a_consent_expires_after_its_last_valid_day`), or it would release data entrusted to youth welfare to "
            + "the Ausländerbehörde (`youth_welfare_data_never_goes_to_the_immigration_office`).")
    ResponseEntity<Map<String, String>> recordConsent(String id, String ifMatch, CaseRequests.RecordConsent body);

    @Operation(summary = "Revoke a consent",
            description = "The client revokes a consent: from this moment nothing more is shared under it, and the "
                    + "recipient's copy of the client's data is erased." + IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the consent is revoked or ended already.")
    ResponseEntity<Void> revokeConsent(String id, String consentId, String ifMatch);
}
