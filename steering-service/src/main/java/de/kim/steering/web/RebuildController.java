package de.kim.steering.web;

import de.kim.steering.web.docs.RebuildApi;
import de.kim.steering.messaging.FactsRebuild;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Drops and rebuilds steering's read models from the topics; queries go on meanwhile. */
@RestController
public class RebuildController implements RebuildApi {

    private final FactsRebuild rebuild;

    public RebuildController(FactsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/steering/rebuild")
    public FactsRebuild.Report rebuild() {
        return rebuild.run();
    }
}
