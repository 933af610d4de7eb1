package de.kim.platform.readmodel;

import de.kim.platform.domain.NotFoundException;
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

    @GetMapping("/api/read-models/${spring.application.name}")
    public List<ReadModelStatus> status() {
        return readModels.stream().map(ReadModel::status).toList();
    }

    @PostMapping("/api/read-models/${spring.application.name}/{name}/rebuild")
    public RebuildReport rebuild(@PathVariable String name) {
        return readModels.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("kim.not-found")).rebuild();
    }
}
