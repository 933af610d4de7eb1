package de.kim.cases.web.docs;

import de.kim.cases.web.WorkBasketController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

/** The OpenAPI documentation of the case manager's work basket (Arbeitskorb). */
@Tag(name = "Arbeitskorb", description = "What is due or new for the signed-in case manager.")
public interface WorkBasketItemsApiDocs {

    @Operation(summary = "The work basket (Arbeitskorb)",
            description = "The open items of the signed-in case manager, page by page (`page` from 0, `size` 1 to "
                    + "200, default 50), the most urgent first: follow-ups (Wiedervorlagen) due today or overdue, "
                    + "partners' answers to referrals (accepted, declined, completed), hand-overs of the "
                    + "Ausländerbehörde added to a case, and consents ending within 30 days. Each item names its case "
                    + "(`caseId` for the link; `caseNumber`, the Aktenzeichen, and `caseLabel`, the client's name, to show) and says in words what it is "
                    + "(`text`). The lead of case management may look at another case manager's basket (`assignee`).")
    @ApiResponse(responseCode = "200", description = "The page, with `total`: how many open items there are in all.")
    @ApiResponse(responseCode = "400", description = "`page` is negative or `size` outside 1 to 200.")
    WorkBasketController.Page workBasket(int page, int size, String assignee);

    @Operation(summary = "Mark a work basket item done",
            description = "The item was dealt with and leaves the work basket. For a follow-up this completes the "
                    + "follow-up; for any other item it is recorded on the case, so that it stays done.")
    @ApiResponse(responseCode = "204", description = "Done; the item no longer shows.")
    @ApiResponse(responseCode = "404", description = "No such open item in the user's work basket.")
    @ApiResponse(responseCode = "409", description = "The item was marked done meanwhile, or its case is closed.")
    ResponseEntity<Void> done(String itemId);
}
