package de.kim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * How fast the read models follow a history they have not seen: started beside
 * {@code platform start} on a seeded store, it polls each service's read-model status
 * ({@code GET /api/read-models/<service>} on the service's own port, as an administrator) from the
 * moment the service answers until the read model has passed every event, and reports when work
 * was first seen, when it was done, and the events (case files: positions in the event store;
 * steering's facts: records of the case topic) per second in between. Steering's facts count as
 * caught up once their lag is zero and the topic has not grown for {@code --quiet} seconds, as
 * case-service publishes the history meanwhile.
 */
@Command(name = "catch-up", description = "Times the read models' catch-up with a seeded history.")
final class CatchUp implements Callable<Integer> {

    @Mixin
    PlatformAddress platform;
    @Option(names = "--case-service", defaultValue = "http://localhost:8081")
    String caseService;
    @Option(names = "--steering-service", defaultValue = "http://localhost:8084")
    String steeringService;
    @Option(names = "--since", description = "epoch milliseconds the start began (default: now)")
    long since;
    @Option(names = "--quiet", defaultValue = "15", description = "seconds the case topic stays unchanged at the end")
    int quiet;
    @Option(names = "--events", defaultValue = "1", description = "events in case-service's store (the seeded ones)")
    long events;
    @Option(names = "--facts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "wait for steering's facts too (--no-facts: the case files only)")
    boolean waitForFacts;
    @Option(names = "--timeout", defaultValue = "7200", description = "seconds to wait at most")
    int timeout;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    /** One read model's progress as polled. */
    private static final class Progress {
        final String key;
        Long firstPosition;
        long firstSeenMillis;
        Long lastHead;
        long headSinceMillis;
        Long lagZeroSinceMillis;
        Long donePosition;
        long doneMillis;

        Progress(String key) {
            this.key = key;
        }

        boolean done() {
            return donePosition != null;
        }
    }

    @Override
    public Integer call() throws Exception {
        long start = since > 0 ? since : System.currentTimeMillis();
        Api api = new Api();
        String token = null;
        Progress caseFiles = new Progress("case_files");
        Progress facts = new Progress("steering_facts");
        long deadline = start + timeout * 1000L;
        while (!(caseFiles.done() && (facts.done() || !waitForFacts)) && System.currentTimeMillis() < deadline) {
            if (token == null) {
                try {
                    token = api.token(platform.auth, "admin.mettmann");
                } catch (IllegalStateException notYet) {
                    Thread.sleep(1000);
                    continue;
                }
            }
            poll(api, token, caseService + "/api/read-models/case-service", "case-files", caseFiles, 0, events - 1);
            poll(api, token, steeringService + "/api/read-models/steering-service", "facts", facts, quiet, 1);
            Thread.sleep(1000);
        }
        Results results = new Results();
        for (Progress p : new Progress[]{caseFiles, facts}) {
            if (!p.done()) {
                results.put(p.key + ".done", false);
                continue;
            }
            double seconds = (p.doneMillis - p.firstSeenMillis) / 1000.0;
            // A read model that has passed no event yet reports -1, and the first event is at 1.
            long events = p.donePosition - Math.max(0, p.firstPosition);
            results.put(p.key + ".done", true);
            results.put(p.key + ".position", p.donePosition);
            results.put(p.key + ".first_seen_s", (p.firstSeenMillis - start) / 1000.0);
            results.put(p.key + ".first_position", p.firstPosition);
            results.put(p.key + ".caught_up_s", (p.doneMillis - start) / 1000.0);
            results.put(p.key + ".events", events);
            results.put(p.key + ".events_per_s", seconds > 0 ? events / seconds : Double.NaN);
            System.err.printf("catch-up: %s passed %,d events in %.0f s (%,.0f events/s), done %.0f s after the start%n",
                    p.key, events, seconds, events / Math.max(seconds, 1e-9), (p.doneMillis - start) / 1000.0);
        }
        results.print(out);
        return caseFiles.done() && (facts.done() || !waitForFacts) ? 0 : 1;
    }

    private static void poll(Api api, String token, String url, String readModel, Progress p, int quietSeconds,
                             long leastHead) {
        if (p.done()) {
            return;
        }
        Api.Answer answer = api.send("GET", url, token, null);
        if (!answer.ok()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (JsonNode status : answer.json()) {
            if (!readModel.equals(status.path("name").asText()) || !status.path("position").isNumber()
                    || !status.path("head").isNumber()) {
                continue;
            }
            long position = status.path("position").asLong();
            long head = status.path("head").asLong();
            if (p.firstPosition == null) {
                p.firstPosition = position;
                p.firstSeenMillis = now;
            }
            boolean passedAll = status.path("lag").asLong(-1) == 0;
            if (p.lastHead == null || head != p.lastHead) {
                p.lastHead = head;
                p.headSinceMillis = now;
                p.lagZeroSinceMillis = null;
            }
            if (!passedAll) {
                p.lagZeroSinceMillis = null;
            } else if (p.lagZeroSinceMillis == null) {
                p.lagZeroSinceMillis = now;
            }
            boolean quietLongEnough = now - p.headSinceMillis >= quietSeconds * 1000L;
            if (passedAll && head >= leastHead && position > 0 && quietLongEnough) {
                p.donePosition = position;
                // The first poll that saw the last event passed, not the one that saw the topic quiet long enough.
                p.doneMillis = p.lagZeroSinceMillis;
            }
        }
    }
}
