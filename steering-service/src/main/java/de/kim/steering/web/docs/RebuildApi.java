package de.kim.steering.web.docs;

import de.kim.steering.web.RebuildController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI documentation of the read-model rebuild. */
@Tag(name = "Betrieb", description = "Operating the service.")
public interface RebuildApi {

    @Operation(summary = "Rebuild the steering figures",
            description = "For the administrator: drops steering's read models and rebuilds them from the Kafka topics "
                    + "(e.g. after a change of how a figure is counted). The figures stay readable meanwhile. Answers "
                    + "how many events were read and how long it took.")
    RebuildController.Report rebuild();
}
