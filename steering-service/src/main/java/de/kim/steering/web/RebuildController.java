package de.kim.steering.web;

import de.kim.steering.web.docs.RebuildApi;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.readmodel.RebuildReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds steering's facts from the topics; queries go on meanwhile. The same as
 * {@code POST /api/read-models/steering-service/facts/rebuild}, answered in the shape the web
 * front end reads.
 */
@RestController
public class RebuildController implements RebuildApi {

    private final KafkaReadModel facts;

    public RebuildController(KafkaReadModel facts) {
        this.facts = facts;
    }

    /** What a rebuild did, and how fast. */
    public record Report(long events, long unreadable, long facts, String database, long replayMillis,
                         long writeMillis, long eventsPerSecond) {
    }

    @PostMapping("/api/steering/rebuild")
    public Report rebuild() {
        RebuildReport report = facts.rebuild();
        return new Report(report.events(), report.unreadable(), report.documents(), report.database(),
                report.replayMillis(), report.writeMillis(), report.eventsPerSecond());
    }
}
