package de.kim.immigration.web.docs;

import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.immigration.web.AssignOfficerRequest;
import de.kim.immigration.web.CreateResidenceRecordRequest;
import de.kim.immigration.web.ExpiringEntry;
import de.kim.immigration.web.HandoverRequest;
import de.kim.immigration.web.PathwaysResponse;
import de.kim.immigration.web.RecordAchievementRequest;
import de.kim.immigration.web.RecordLifecycleRequests;
import de.kim.immigration.web.RecordListPage;
import de.kim.immigration.web.RecordStatusRequest;
import de.kim.immigration.web.StatusCheckAnswerRequest;
import de.kim.immigration.web.WorkList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI documentation of the Ausländerbehörde's residence records (Baustein 3). Every
 * read of a record is logged. The example bodies are invented.
 */
@Tag(name = "Aufenthaltsakte", description = "The Ausländerbehörde's residence record per person: statuses, "
        + "integration achievements, pathways to a secure status (Bleiberecht, Verstetigung), deadlines and "
        + "hand-overs to case management.")
public interface ResidenceRecordApi {

    String NOT_FOUND = "No such record in the Kommune.";
    String ENTRY_NOT_FOUND = "No such record, or no such entry in it.";
    String CLOSED = "The record is closed or erased: nothing more is recorded.";

    @Operation(summary = "Create a residence record",
            description = "Opens the Ausländerbehörde's record of a person with family and given names, the office's "
                    + "Aktenzeichen (`fileNumber`: letters, digits, `. / -` and spaces, at most 40), optionally the AZR "
                    + "number (12 digits), date of birth, nationality (ISO 3166 alpha-3), date of entry and whether a "
                    + "minor child lives in the household (which some pathways ask). All of it is sealed with the "
                    + "person's own key; names, date of birth and Aktenzeichen are searchable through a blind index "
                    + "only. Answers the record's id, and its address in `Location`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "neue Akte", value = """
                            {"familyName": "Haddad", "givenName": "Lina", "fileNumber": "32.1-ABH 4711/2019",
                             "azrNumber": "123456789012", "dateOfBirth": "2006-04-17", "nationality": "SYR", "entryDate": "2019-08-02",
                             "minorChildInHousehold": false}"""))))
    @ApiResponse(responseCode = "201", description = "Created; the body holds the record's `id`.")
    ResponseEntity<Map<String, String>> create(CreateResidenceRecordRequest request);

    @Operation(summary = "Read a residence record",
            description = "The record with its statuses in order, achievements, hand-overs, status check requests of "
                    + "case management, the responsible officer and the current validity. The read is logged.")
    @ApiResponse(responseCode = "200", description = "The record.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResidenceRecordView get(String id);

    @Operation(summary = "Record a residence status",
            description = "Adds the next status to the record: Aufenthaltsgestattung, Duldung, Aufenthaltserlaubnis "
                    + "(with its section, e.g. `§ 25b AufenthG`), Niederlassungserlaubnis, Erlaubnis zum "
                    + "Daueraufenthalt-EU or Einbürgerung, with its validity. Statuses follow one another in time and "
                    + "by the law's transitions; the screening runs again.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Aufenthaltserlaubnis nach § 25a", value = """
                            {"type": "AUFENTHALTSERLAUBNIS", "section": "§ 25a AufenthG",
                             "validFrom": "2025-06-01", "validUntil": "2027-05-31"}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the status entry's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CLOSED)
    @ApiResponse(responseCode = "422", description = "The status breaks a rule of the law's sequence, e.g. it starts "
            + "before the one before it (`statuses-follow-in-time`), nothing follows an Einbürgerung, or a Chancen-"
            + "Aufenthaltsrecht (§ 104c) needs a Duldung before it.")
    ResponseEntity<Map<String, String>> recordStatus(String id, RecordStatusRequest request);

    @Operation(summary = "Read a status entry", description = "One status of the record's sequence.")
    @ApiResponse(responseCode = "200", description = "The status entry.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    ResidenceRecordView.StatusEntry status(String id, String statusId);

    @Operation(summary = "Record an integration achievement",
            description = "Records what the person achieved: a language certificate (with `level`, e.g. `B1`), "
                    + "secured livelihood, employment, school attendance or degree, integration or orientation course, "
                    + "naturalisation test; `until` and `months` where the achievement lasts. The screening for "
                    + "pathways runs again.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "B1-Zertifikat", value = """
                            {"kind": "LANGUAGE_CERTIFICATE", "level": "B1", "achievedOn": "2026-02-20"}"""))))
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the achievement's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CLOSED)
    ResponseEntity<Map<String, String>> recordAchievement(String id, RecordAchievementRequest request);

    @Operation(summary = "Read an achievement", description = "One achievement of the record, with where it came "
            + "from (recorded here, or shared by case management under the client's consent).")
    @ApiResponse(responseCode = "200", description = "The achievement.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    ResidenceRecordView.AchievementEntry achievement(String id, String achievementId);

    @Operation(summary = "Hand over to case management",
            description = "The office sees a need (e.g. a language course missing for § 25b) and hands the person over "
                    + "to Fallmanagement, with the Handlungsfeld, a reason code and the pathway it serves. Case "
                    + "management receives it through Kafka; no free text leaves the office.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Sprachkurs für § 25b", value = """
                            {"fieldOfAction": "LANGUAGE", "reasonCode": "LANGUAGE_LEVEL_MISSING",
                             "pathway": "AUFENTHG_25B"}"""))))
    @ApiResponse(responseCode = "201", description = "Handed over; the body holds the hand-over's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CLOSED)
    ResponseEntity<Map<String, String>> handOver(String id, HandoverRequest request);

    @Operation(summary = "Read a hand-over", description = "One hand-over to case management and whether case "
            + "management has taken it on.")
    @ApiResponse(responseCode = "200", description = "The hand-over.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    ResidenceRecordView.HandoverEntry handover(String id, String handoverId);

    @Operation(summary = "Assign the responsible officer",
            description = "Makes an officer of the Ausländerbehörde responsible for the record: its deadlines and "
                    + "status check requests appear on their work list. Naming the same officer again changes nothing.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Sachbearbeiterin", value = """
                            {"officer": "abh.mueller"}"""))))
    @ApiResponse(responseCode = "204", description = "Assigned.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CLOSED)
    ResponseEntity<Void> assignOfficer(String id, AssignOfficerRequest request);

    @Operation(summary = "Read a status check request",
            description = "One request of case management to check the person's residence status (e.g. after a "
                    + "B1 certificate), and whether the officer has completed it.")
    @ApiResponse(responseCode = "200", description = "The status check request.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    ResidenceRecordView.StatusCheckEntry statusCheck(String id, String statusCheckId);

    @Operation(summary = "Answer a status check",
            description = "The officer answers the status check case management asked about: the request leaves the "
                    + "work list, and the answer goes to the case that asked (event `kim.immigration.StatusCheckAnswered`, "
                    + "sealed with the client's key): the residence status on the record now (type, legal basis, valid "
                    + "until) and, where the officer gives them, the prospects of a pathway (`pathway` with `prospect`: "
                    + "REQUIREMENTS_MET, REQUIREMENTS_MET_SOON, REQUIREMENTS_MISSING, NOT_OPEN) and a note to the case "
                    + "manager (at most 2,000 characters). The body is optional.",
            requestBody = @RequestBody(required = false, content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"pathway":"AUFENTHG_25B","prospect":"REQUIREMENTS_MET_SOON",
                             "note":"Mit dem B1-Zertifikat kann der Antrag im Frühjahr gestellt werden."}"""))))
    @ApiResponse(responseCode = "204", description = "Answered.")
    @ApiResponse(responseCode = "400", description = "An unknown pathway or prospect, a pathway without a prospect, or "
            + "a note longer than 2,000 characters.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "Answered already.")
    ResponseEntity<Void> completeStatusCheck(String id, String statusCheckId, StatusCheckAnswerRequest answer);

    @Operation(summary = "Confirm a case's link to the record",
            description = "Case management linked one of its cases to this record (`kim.case.ResidenceRecordLinkRequested`). "
                    + "The officer confirms that the case's client is the record's person (ask back the case manager named in "
                    + "`requestedBy` where in doubt): from then on the case's achievements and status checks reach the "
                    + "record (`kim.immigration.CaseLinkAnswered`). A link asked for after the office handed the person "
                    + "over is confirmed at once.")
    @ApiResponse(responseCode = "204", description = "Confirmed.")
    @ApiResponse(responseCode = "404", description = "No such record, or no link request of that case on it.")
    @ApiResponse(responseCode = "409", description = "The request is answered already, or the record is closed or erased.")
    ResponseEntity<Void> confirmCaseLink(String id, String caseId);

    @Operation(summary = "Refuse a case's link to the record",
            description = "The case's client is not the record's person: nothing of the case reaches the record, and case "
                    + "management learns it (`kim.immigration.CaseLinkAnswered`). The case may ask again.")
    @ApiResponse(responseCode = "204", description = "Refused.")
    @ApiResponse(responseCode = "404", description = "No such record, or no link request of that case on it.")
    @ApiResponse(responseCode = "409", description = "The request is answered already, or the record is closed or erased.")
    ResponseEntity<Void> refuseCaseLink(String id, String caseId);

    @Operation(summary = "An officer's work list",
            description = "What an officer of the Ausländerbehörde has to do: the deadlines of their records (permits "
                    + "expiring, the Chancen-Aufenthaltsrecht's 18 months running out) within `withinDays` (default "
                    + "90, at most 3650) and case management's open status check and link requests, oldest first.")
    WorkList workList(String officer, Integer withinDays);

    @Operation(summary = "Pathways to a secure status",
            description = "The screening of the record for pathways to a secure status (§ 25a, § 25b, § 104c, § 9 "
                    + "AufenthG, § 10 StAG): for each, which requirements are met, which are missing and the legal "
                    + "basis. Screening never decides, it flags a person for the officer. The record is screened "
                    + "afresh on every request as of `asOf` (a date, default today in Europe/Berlin) with the "
                    + "rule-set versions in force that day; the answer names the day (`asOf`) and, per pathway, the "
                    + "rule-set id, version and effective date. `on` is an older name of `asOf`. Verdicts, outcomes "
                    + "and pathways come with a `label` in words (German; English with `Accept-Language: en`).")
    @ApiResponse(responseCode = "200", description = "The screening.")
    @ApiResponse(responseCode = "400", description = "`asOf` is not a date (YYYY-MM-DD).")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    PathwaysResponse pathways(String id,
                              @Parameter(description = "The day to screen for (YYYY-MM-DD); default today.",
                                      example = "2026-06-30") LocalDate asOf,
                              @Parameter(description = "Older name of `asOf`.", deprecated = true) LocalDate on);

    @Operation(summary = "Close a residence record",
            description = "Closes the record (naturalised, moved away, left Germany): nothing more is recorded and "
                    + "the retention period starts.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "weggezogen", value = """
                            {"reason": "MOVED_AWAY"}"""))))
    @ApiResponse(responseCode = "204", description = "Closed.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CLOSED)
    ResponseEntity<Void> close(String id, RecordLifecycleRequests.Closure body);

    @Operation(summary = "Put on or lift a legal hold",
            description = "While a legal hold lasts (e.g. a court case), the record is not erased, not even when its "
                    + "retention period has passed. The reason is recorded.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Klageverfahren", value = """
                            {"active": true, "reason": "Klageverfahren VG Düsseldorf anhängig"}"""))))
    @ApiResponse(responseCode = "204", description = "Set.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ResponseEntity<Void> legalHold(String id, RecordLifecycleRequests.LegalHold body);

    @Operation(summary = "Erase a residence record's personal data",
            description = "Erases the person's data on a lawful request (Art. 17 GDPR) or when the retention period "
                    + "has passed: the person's key is destroyed, so the data is unreadable everywhere; ids, codes and "
                    + "the dates of process steps stay for the figures. `reference` names the file of the request.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Antrag auf Löschung", value = """
                            {"ground": "LAWFUL_REQUEST", "reference": "ABH-2026-0815"}"""))))
    @ApiResponse(responseCode = "204", description = "Erased.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "Erased already.")
    @ApiResponse(responseCode = "422", description = "The record is under legal hold (`no_erasure_under_legal_hold`), "
            + "or its retention period runs from a closure that has not happened (`retention_runs_from_closure`).")
    ResponseEntity<Void> erase(String id, RecordLifecycleRequests.Erasure body);

    @Operation(summary = "List and search residence records",
            description = "The Kommune's records, a page of them: `{items, total, page, size}` (`page` from 0, `size` "
                    + "1 to 200, default 50), sorted by `sort`: `fileNumber` (the Aktenzeichen, default), `validUntil` "
                    + "(the current permit's end) or `familyName`, each with `,asc` (default) or `,desc`; paging "
                    + "parameters and their 400 problems as every paged list of the platform. Filters: `statusType` (the current status), "
                    + "`expiringWithinDays` (the permit or the Chancen-Aufenthaltsrecht ends within so many days, at most "
                    + "3650), `officer`. `q` searches: the whole text as an Aktenzeichen (exactly, case aside), or each "
                    + "word as a date of birth (`12.04.1990`, `1990-04-12`) or the beginning of a family or given name "
                    + "(two letters or more; `Mueller` finds `Müller`). The search runs on a blind index (keyed hashes): "
                    + "names and Aktenzeichen are never stored searchable, and an erased record is not found. "
                    + "`pathway` (e.g. `AUFENTHG_25B`) keeps the open records whose screening as of today meets the "
                    + "pathway's screenable requirements, or will meet them by today + `within` (ISO-8601 period, "
                    + "default `P6M`: met or nearly met) if nothing but time changes: the same screening as "
                    + "`/api/pathway-candidates`, computed afresh; such items carry `meetsPathwayNow` and "
                    + "`meetsPathwayBy`. The other filters and `q` apply too. "
                    + "Asked with `expiringWithinDays` alone (optionally `officer`), the answer is the older list of "
                    + "deadlines (`ExpiringEntry`), soonest first.")
    @ApiResponse(responseCode = "200", description = "The page, or the list of deadlines.", content = @Content(
            mediaType = "application/json", schema = @Schema(oneOf = {RecordListPage.class, ExpiringEntry[].class})))
    Object list(Integer expiringWithinDays, String officer, String page, String size, String sort, String q,
                ResidenceStatusType statusType,
                @Parameter(description = "Only records that meet this pathway's requirements now or within `within`.")
                Pathway pathway,
                @Parameter(description = "With `pathway`: the ISO-8601 period to look ahead; default `P6M`.",
                        example = "P6M") String within);
}
