package de.kim.platform.readmodel;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models on the health endpoint ({@code readModels}): for each its position, the head of
 * its source, the lag and the gaps healed since the start. Always UP: a read model behind its
 * source catches up by itself, and the service still answers meanwhile.
 */
public class ReadModelsHealth implements HealthIndicator {

    private final List<ReadModel> readModels;

    public ReadModelsHealth(List<ReadModel> readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ReadModel readModel : readModels) {
            ReadModelStatus status = readModel.status();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("position", status.position());
            one.put("head", status.head());
            one.put("lag", status.lag());
            one.put("gapsHealed", status.gapsHealed());
            one.put("rebuilding", status.rebuilding());
            details.put(status.name(), one);
        }
        return Health.up().withDetails(details).build();
    }
}
