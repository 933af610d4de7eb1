package de.kim.cases.web.docs;

import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.platform.web.ListPage;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;


/** The OpenAPI documentation of the hand-overs from the Ausländerbehörde to case management. */
@Tag(name = "Übergaben der Ausländerbehörde", description = "People the Ausländerbehörde handed over to case "
        + "management.")
public interface HandoverApiDocs {

    @Operation(summary = "Hand-overs from the Ausländerbehörde",
            description = "The people the Ausländerbehörde handed over to Fallmanagement because it saw a need (e.g. a "
                    + "language course missing for § 25b AufenthG), with Handlungsfeld, reason and pathway: `OPEN` ones "
                    + "(default) wait for a case manager to take them into a case, `ADDED_TO_CASE` ones are taken, "
                    + "`ALL` both; optionally for one residence record (`residenceRecordId`) or one field of action "
                    + "(`field`). Paged like every list: `page` from 0, `size` 1 to 200 (default 50), `sort` by "
                    + "`handedOverOn` (default, newest first) or `fieldOfAction`, each with `,asc` or `,desc`; the "
                    + "answer is `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "The page, with `total`: how many hand-overs match in all.")
    @ApiResponse(responseCode = "400", description = "An unknown status or field of action, or a bad page, size or sort.")
    ListPage<HandoverRequest> list(String status, String residenceRecordId, String field, String page, String size,
                                   String sort);
}
