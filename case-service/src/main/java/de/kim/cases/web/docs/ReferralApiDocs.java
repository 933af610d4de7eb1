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

/** The OpenAPI documentation of a case's referrals (Verweisungen) to Netzwerkpartner. */
@Tag(name = "Verweisungen", description = "Referrals of the client to a Netzwerkpartner's offer.")
public interface ReferralApiDocs {

    @Operation(summary = "Refer the client to a partner's offer",
            description = "Sends the client to an offer (Angebot) of a Netzwerkpartner for a need. The partner receives "
                    + "the referral in its inbox with only what the client's consent for this partner covers; its "
                    + "answer (accepted, declined, completed) comes back into the case." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Verweisung an den Sprachkursträger", value = """
                            {"partnerId": "sprachschule-rheinland", "offerId": "8f1c2e4a-0b7d-4c1e-9a55-3d2f6b7e9c10",
                             "needId": "2b9e7d1c-5a4f-4e3b-8c2d-1f0a9b8c7d6e",
                             "note": "Kinderbetreuung für zwei Kinder (3 und 5 Jahre) nötig"}"""))))
    @ApiResponse(responseCode = "201", description = "Referred; the body holds the referral's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or a referral for this need to this offer is open.")
    @ApiResponse(responseCode = "422", description = "No valid consent for this partner "
            + "(`referral_needs_consent_for_the_partner`), or the offer is not an active offer of a known partner "
            + "(`referral_needs_an_active_offer_of_a_known_partner`).")
    ResponseEntity<Map<String, String>> refer(String id, String ifMatch, CaseRequests.MakeReferral body);

    @Operation(summary = "Withdraw a referral",
            description = "The case manager takes a referral back, with the reason; the partner's inbox shows it "
                    + "withdrawn and the partner's copy of the client's data is erased." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "zurückgezogen", value = """
                            {"reason": "Klient hat selbst einen Kursplatz gefunden."}"""))))
    @ApiResponse(responseCode = "204", description = "Withdrawn.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the referral is no longer live.")
    ResponseEntity<Void> withdrawReferral(String id, String referralId, String ifMatch, CaseRequests.Reason body);
}
