package de.kim.platform.readmodel;

import de.kim.platform.domain.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The administrator's view of a service's read models: {@code GET /api/read-models/<service>}
 * lists where each is, {@code POST /api/read-models/<service>/<name>/rebuild} rebuilds one from
 * its source while queries go on reading the one before, and answers the rebuild's report.
 */
@RestController
public class ReadModelsController {

    private final List<ReadModel> readModels;

    public ReadModelsController(List<ReadModel> readModels) {
        this.readModels = readModels;
    }

    @Operation(summary = "Where each read model of the service is",
            description = "For the administrator: each read model (the lists and files users read, kept from the "
                    + "service's events or the topics it reads) with its position, the head of its source, how far "
                    + "behind it is, the gaps it found and filled by itself since the start, and whether a rebuild "
                    + "is running.")
    @ApiResponse(responseCode = "200", description = "The read models of this service.")
    @GetMapping("/api/read-models/${spring.application.name}")
    public List<ReadModelStatus> status() {
        return readModels.stream().map(ReadModel::status).toList();
    }

    @Operation(summary = "Rebuild one read model from its source",
            description = "For the administrator, e.g. after a restore of the read-model database: replays the "
                    + "read model's source (the service's events, or the topics from their start) into a fresh "
                    + "database and switches to it; users go on reading the read model before until then. Answers "
                    + "what the rebuild did: events read, documents written, time taken, events per second.")
    @ApiResponse(responseCode = "200", description = "Rebuilt and switched in.")
    @ApiResponse(responseCode = "404", description = "This service has no read model of that name.")
    @PostMapping("/api/read-models/${spring.application.name}/{name}/rebuild")
    public RebuildReport rebuild(@Parameter(description = "the read model, e.g. case-files") @PathVariable String name) {
        return readModels.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("kim.not-found")).rebuild();
    }
}
