package de.kim.cases.web.docs;

import de.kim.cases.web.CaseRequests;
import de.kim.cases.web.OpenCaseRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static de.kim.cases.web.docs.CaseDocTexts.CHANGED;
import static de.kim.cases.web.docs.CaseDocTexts.IF_MATCH;
import static de.kim.cases.web.docs.CaseDocTexts.NOT_FOUND;

/** The OpenAPI documentation of the correction of the client's data and of the contact log. */
@Tag(name = "Klientendaten und Kontakte", description = "Berichtigung (Art. 16 GDPR) and the Beratungskontakte.")
public interface ClientAndContactsApiDocs {

    @Operation(summary = "Correct the client's data (Berichtigung)",
            description = "Replaces the client's personal data with the corrected and completed data (Art. 16 GDPR), "
                    + "checked as when the case was opened. The data stays sealed with the client's key; the history "
                    + "notes the correction without its values. Each partner holding a copy under a consent still in "
                    + "force receives what that consent releases of the corrected data (`kim.case.ClientDataRectified`)."
                    + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Neue Anschrift", value = """
                            {"givenName": "Amina", "familyName": "Haddad", "dateOfBirth": "1990-04-12",
                             "nationality": "SYR", "languages": ["ar", "de"], "town": "Hilden",
                             "contact": {"phone": "02103 123456", "email": "amina.haddad@example.org",
                                         "address": "Mittelstraße 5, 40721 Hilden"}}"""))))
    @ApiResponse(responseCode = "204", description = "Corrected.")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed, the date of birth lies in the "
            + "future, or the town is not one of the Kommune; nothing changed.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the data is the same as recorded.")
    ResponseEntity<Void> rectifyClient(String id, String ifMatch, OpenCaseRequest.Client body);

    @Operation(summary = "Record a counselling contact",
            description = "Adds a Beratungskontakt to the contact log: its day, kind (`IN_PERSON`, `PHONE`, `VIDEO`, "
                    + "`HOME_VISIT`, `ACCOMPANIMENT`, `EMAIL`), duration in minutes (1 to 1440), the language an "
                    + "interpreter translated into (optional), the participants and the note (both sealed with the "
                    + "client's key). `entrusted: true` marks it anvertraut (§ 65 SGB VIII). Steering counts the "
                    + "contact and its duration, never its content." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Hausbesuch", value = """
                            {"contactOn": "2026-03-02", "kind": "HOME_VISIT", "durationMinutes": 90,
                             "interpreterLanguage": "ar", "participants": "Ehemann",
                             "note": "Wohnsituation besprochen, Antrag auf Wohnberechtigungsschein vorbereitet",
                             "entrusted": false}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the contact's `id`.")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed, the day lies in the future or "
            + "the duration is out of range; nothing changed.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Map<String, String>> recordContact(String id, String ifMatch, CaseRequests.RecordContact body);
}
