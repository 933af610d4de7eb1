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

/** The OpenAPI documentation of a case's follow-ups (Wiedervorlagen). */
@Tag(name = "Wiedervorlagen", description = "Follow-up reminders on a case; what is due lands in the Arbeitskorb.")
public interface FollowUpApiDocs {

    @Operation(summary = "Schedule a follow-up",
            description = "Sets a Wiedervorlage on the case: on the due day it appears in the Arbeitskorb of the case "
                    + "manager named (`assignee`, by default the case's own)." + IF_MATCH,
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Kursbeginn nachhalten", value = """
                            {"dueOn": "2026-09-01", "subject": "Kursbeginn beim Sprachkursträger nachfragen",
                             "assignee": "cm.schmidt"}"""))))
    @ApiResponse(responseCode = "201", description = "Scheduled; the body holds the follow-up's `id`.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED)
    ResponseEntity<Map<String, String>> scheduleFollowUp(String id, String ifMatch, CaseRequests.ScheduleFollowUp body);

    @Operation(summary = "Complete a follow-up", description = "The Wiedervorlage is done; it leaves the Arbeitskorb."
            + IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Completed.")
    @ApiResponse(responseCode = "404", description = ENTRY_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CHANGED + " Or the follow-up is done already.")
    ResponseEntity<Void> completeFollowUp(String id, String followUpId, String ifMatch);
}
