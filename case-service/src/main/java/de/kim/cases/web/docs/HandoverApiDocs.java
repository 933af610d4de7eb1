package de.kim.cases.web.docs;

import de.kim.cases.query.HandoverRequests.HandoverRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The OpenAPI documentation of the hand-overs from the Ausländerbehörde to case management. */
@Tag(name = "Übergaben der Ausländerbehörde", description = "People the Ausländerbehörde handed over to case "
        + "management.")
public interface HandoverApiDocs {

    @Operation(summary = "Hand-overs from the Ausländerbehörde",
            description = "The people the Ausländerbehörde handed over to Fallmanagement because it saw a need (e.g. a "
                    + "language course missing for § 25b AufenthG), with Handlungsfeld, reason and pathway: `OPEN` ones "
                    + "(default) wait for a case manager to take them into a case, `ADDED_TO_CASE` ones are taken, "
                    + "`ALL` both; optionally for one residence record.")
    List<HandoverRequest> list(String status, String residenceRecordId);
}
