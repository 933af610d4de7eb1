package de.kim.immigration.web.docs;

import de.kim.platform.web.ListPage;
import de.kim.platform.web.StaffNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI documentation of the officers of the immigration office. */
@Tag(name = "Sachbearbeitung", description = "The officers of the immigration office, by name.")
public interface OfficerApi {

    @Operation(summary = "Officers of the immigration office, by name",
            description = "The officers of the caller's tenant by the name they sign in with (the `name` claim of their "
                    + "token), sorted by name: whom a residence record can be assigned to, and the names for the user "
                    + "ids that records keep as their officer. Listed are those who have called this service within the "
                    + "last twelve months; a new name in their token replaces the old one. Paged: `page` (from 0), "
                    + "`size` (1 to 200, default 50). Answers `{items: [{userId, name, roles}], total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the officers, and how many there are in all.")
    @ApiResponse(responseCode = "400", description = "A paging parameter is out of range.")
    ListPage<StaffNames.Member> officers(String page, String size);
}
