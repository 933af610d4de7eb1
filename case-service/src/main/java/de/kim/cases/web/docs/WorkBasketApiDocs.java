package de.kim.cases.web.docs;

import de.kim.cases.query.FollowUpEntry;
import de.kim.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;

/** The OpenAPI documentation of the case manager's Arbeitskorb. */
@Tag(name = "Wiedervorlagen")
public interface WorkBasketApiDocs {

    @Operation(summary = "Follow-ups due (Arbeitskorb)",
            description = "The Wiedervorlagen due by a day (default today) across the cases: a case manager sees their "
                    + "own, the lead of case management anyone's (`assignee`; empty or absent: everyone's). Paged like the case list: `page` (from 0), "
                    + "`size` (1 to 200, default 50), `sort` `dueOn` (default, oldest first) or `assignee`, each with "
                    + "`,asc` or `,desc`. Answers `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the follow-ups due, and how many there are in all.")
    @ApiResponse(responseCode = "400", description = "A paging parameter is out of range, or `dueBy` is not a date.")
    ListPage<FollowUpEntry> due(String assignee, LocalDate dueBy, String page, String size, String sort);
}
