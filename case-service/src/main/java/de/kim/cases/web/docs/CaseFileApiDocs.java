package de.kim.cases.web.docs;

import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseHistory;
import de.kim.cases.web.CaseRequests;
import de.kim.cases.web.CaseSummary;
import de.kim.cases.web.OpenCaseRequest;
import de.kim.platform.web.ListPage;
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

/**
 * The OpenAPI documentation of the case file's life: opening, reading, hand-over, closure,
 * Rechtskreise and generative themes. Every read of a case file is logged. Example bodies are
 * invented.
 */
@Tag(name = "Fallmanagement", description = "Case management (Baustein 2): a client's case from first contact to "
        + "closure.")
public interface CaseFileApiDocs {

    @Operation(summary = "Open a case",
            description = "A case manager opens a case for a client: who the client is (sealed with the client's own "
                    + "key), the Zielgruppe, how the client came (e.g. sent by the Jobcenter) and the case manager "
                    + "responsible. The case gets an Aktenzeichen (e.g. `KIM-2026-00042`). Answers the case's id, and "
                    + "its address in `Location`. If the person (same family and given name, folded as in the search, and "
                    + "the same date of birth) has an open case in the Kommune already, the answer is 409 "
                    + "`urn:kim:problem:possible-duplicate` listing those the user may see (`duplicates`: `id`, "
                    + "`caseNumber`, `href`) and saying in `elsewhere` that there is one at another case manager; "
                    + "`confirmDuplicate=true` (query parameter, or the body's field) opens it all the same.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "neuer Fall", value = """
                            {"client": {"givenName": "Amina", "familyName": "Beispiel", "dateOfBirth": "1994-03-08",
                                        "nationality": "SYR", "languages": ["ar", "de"], "town": "Hilden",
                                        "contact": {"phone": "0171 0000000", "email": "amina@example.org"}},
                             "targetGroup": "FAMILIES", "accessRoute": "JOBCENTER", "assignee": "cm.schmidt"}"""))))
    @ApiResponse(responseCode = "201", description = "Opened; the body holds the case's `id`.")
    @ApiResponse(responseCode = "400", description = "A field is missing or not valid; the problem names it.")
    @ApiResponse(responseCode = "409", description = "The person has an open case already (see above), unless "
            + "`confirmDuplicate=true`.")
    ResponseEntity<?> open(OpenCaseRequest request, boolean confirmDuplicate);

    @Operation(summary = "List and search cases",
            description = "The cases a case manager works on (the lead of case management: all cases of the Kommune, "
                    + "optionally of one `assignee`), a page at a time, each with Aktenzeichen, client's name, town, "
                    + "Zielgruppe and status. Filters, each optional: `status` (`OPEN`, `CLOSED`), `town`, `assignee`, "
                    + "`targetGroup`, `followUpDueBy` (a day: cases with an open Wiedervorlage due by then). `q` searches: "
                    + "each word is an Aktenzeichen (`KIM-2026-00042`), a date of birth (`12.04.1990` or `1990-04-12`) "
                    + "or the beginning of a family or given name (at least two letters; case, umlauts and accents do "
                    + "not matter: `mueller` and `Mül` find Müller); a case matches every word. Names are sealed, so "
                    + "the search goes through a blind index, and names sort nowhere. Paging: `page` (from 0), `size` "
                    + "(1 to 200, default 50), `sort` one of `openedOn` (default, newest first), `caseNumber`, `status`, "
                    + "`town`, `targetGroup`, each with `,asc` or `,desc`. Answers `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the cases, and how many match in all.")
    @ApiResponse(responseCode = "400", description = "A filter, the search or a paging parameter is not valid; the "
            + "problem names it, in German.")
    ListPage<CaseSummary> list(String status, String town, String assignee, String targetGroup, String followUpDueBy,
                               String q, String page, String size, String sort);

    @Operation(summary = "Read a case file",
            description = "The whole case file: client, consents (Einwilligungen), needs per Handlungsfeld, the "
                    + "Integrationsplan with its goals, referrals (Verweisungen) and their answers, measures and their "
                    + "funding, follow-ups (Wiedervorlagen), themes and the link to the Ausländerbehörde. The `ETag` "
                    + "is the case's version, for `If-Match` on changes. The read is logged.")
    @ApiResponse(responseCode = "200", description = "The case file.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<CaseFile> get(String id);

    @Operation(summary = "A case's history",
            description = "What happened in the case, in words: opened, consent recorded, need assessed, "
                    + "referral made and answered, handed over, closed, … with who did it and when. Paged on the "
                    + "server, newest first: `page` from 0, `size` 1 to 200 (50 if not given); a bad one is a 400 "
                    + "problem naming it.")
    @ApiResponse(responseCode = "200", description = "One page of the history, newest first: `{items, total, page, size}`.")
    @ApiResponse(responseCode = "400", description = "`page` or `size` out of range.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ListPage<CaseHistory.Entry> history(String id, String page, String size);

    @Operation(summary = "Tag a generative theme",
            description = "Tags the case with a structural barrier that recurs across cases (e.g. "
                    + "`NO_LANGUAGE_COURSE_WITH_CHILDCARE`) from the managed list, or as free text with `OTHER`. "
                    + "Steering sees the themes counted and anonymised." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "kein bezahlbarer Wohnraum", value = """
                            {"themeCode": "NO_AFFORDABLE_HOUSING"}"""))))
    @ApiResponse(responseCode = "204", description = "Tagged.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Void> tagTheme(String id, String ifMatch, CaseRequests.TagTheme body);

    @Operation(summary = "Hand the case over to another case manager",
            description = "Another case manager of the Kommune takes the case on, with a note for them." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Urlaubsvertretung", value = """
                            {"toCaseManager": "cm.yilmaz", "note": "Wiedervorlage zum Kursbeginn beachten."}"""))))
    @ApiResponse(responseCode = "204", description = "Handed over.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the case already is with that case manager.")
    ResponseEntity<Void> handOver(String id, String ifMatch, CaseRequests.HandOver body);

    @Operation(summary = "Close a case",
            description = "Closes the case with its outcome: goals reached, moved away, no contact, handed to the "
                    + "regular service. The retention period starts." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Ziele erreicht", value = """
                            {"outcome": "GOALS_REACHED", "note": "Arbeitsvertrag ab 01.04., B1 bestanden."}"""))))
    @ApiResponse(responseCode = "204", description = "Closed.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Void> close(String id, String ifMatch, CaseRequests.Close body);

    @Operation(summary = "Reopen a closed case",
            description = "The client comes back: the closed case is opened again, with the reason." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "erneuter Bedarf", value = """
                            {"reason": "Klientin meldet sich nach Umzug innerhalb des Kreises erneut."}"""))))
    @ApiResponse(responseCode = "204", description = "Reopened.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The case is not closed, or it is erased.")
    ResponseEntity<Void> reopen(String id, String ifMatch, CaseRequests.Reason body);
}
