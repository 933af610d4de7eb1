package de.kim.immigration.web.docs;

import de.kim.immigration.web.RuleSetController.RuleSetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The OpenAPI documentation of the rule sets the screening applies. */
@Tag(name = "Regelwerke", description = "The legal rule sets the pathway screening applies, with their citations.")
public interface RuleSetApi {

    @Operation(summary = "Rule sets in force",
            description = "The rule sets of the pathways (§ 25a, § 25b, § 104c, § 9 AufenthG, § 10 StAG) in force "
                    + "today, or on the day `asOf` (older name `on`): version, the version it corrects (if any), "
                    + "validity, source with its Federal Law Gazette citation, who is referred to another provision, "
                    + "and each requirement with its citation, so that an officer sees on what the screening rests.")
    List<RuleSetView> inForce(@Parameter(description = "The day (YYYY-MM-DD); default today.", example = "2026-06-30")
                              LocalDate asOf,
                              @Parameter(description = "Older name of `asOf`.", deprecated = true) LocalDate on);
}
