package de.kim.cases.web.docs;

import de.kim.cases.query.FollowUpEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The OpenAPI documentation of the case manager's Arbeitskorb. */
@Tag(name = "Wiedervorlagen")
public interface WorkBasketApiDocs {

    @Operation(summary = "Follow-ups due (Arbeitskorb)",
            description = "The Wiedervorlagen due by a day (default today) across the cases: a case manager sees their "
                    + "own, the lead of case management anyone's (`assignee`).")
    List<FollowUpEntry> due(String assignee, LocalDate dueBy);
}
