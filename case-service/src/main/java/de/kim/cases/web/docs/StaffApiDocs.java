package de.kim.cases.web.docs;

import de.kim.platform.web.StaffNames;
import de.kim.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI documentation of the colleagues in case management. */
@Tag(name = "Kolleginnen und Kollegen")
public interface StaffApiDocs {

    @Operation(summary = "Colleagues in case management, by name",
            description = "The case managers and leads of the caller's tenant by the name they sign in with (the "
                    + "`name` claim of their token), sorted by name: whom a case can be assigned or handed over to, and "
                    + "the names for the user ids that cases, follow-ups and the history keep. Listed are those who have "
                    + "called case-service within the last twelve months (who left drops out; the history still names "
                    + "them); a new name in their token replaces the old one. "
                    + "`role` narrows to `CASE_MANAGER` or `CASE_MANAGEMENT_LEAD`. Paged: `page` (from 0), `size` (1 to "
                    + "200, default 50). Answers `{items: [{userId, name, roles}], total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the colleagues, and how many there are in all.")
    @ApiResponse(responseCode = "400", description = "`role` is not a role of case management, or a paging parameter is out of range.")
    ListPage<StaffNames.Member> colleagues(String role, String page, String size);
}
