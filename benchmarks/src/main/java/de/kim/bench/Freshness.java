package de.kim.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * From command to figure under load: while background clients open cases at a fixed rate
 * through the gateway, a probe opens one case at a time in a town the background never uses
 * and polls {@code GET /api/steering/figures?town=…} until that case is counted. Reports the
 * time from the 201 to the figure (the method of {@code bench/freshness.sh}, signed in, and
 * with load), the probe's own command latency, and how long one figures request took.
 */
@Command(name = "freshness", description = "From a command's 201 to steering's figure, under a background load.")
final class Freshness implements Callable<Integer> {

    @Mixin
    PlatformAddress platform;
    @Option(names = "--rate", defaultValue = "0", description = "background cases per second")
    double rate;
    @Option(names = "--clients", defaultValue = "32", description = "background clients")
    int clients;
    @Option(names = "--probes", defaultValue = "50")
    int probes;
    @Option(names = "--town", defaultValue = "Haan", description = "the probe's town, never the background's")
    String town;
    @Option(names = "--settle", defaultValue = "10", description = "seconds of background load before the probes")
    double settle;
    @Option(names = "--timeout", defaultValue = "30", description = "seconds a probe waits for its figure")
    double timeout;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    @Override
    public Integer call() {
        String gateway = platform.gateway;
        String auth = platform.auth;
        long timeoutNanos = (long) (timeout * 1e9);
        Api api = new Api();
        String lead = api.token(auth, "leitung.mettmann");
        String steering = api.token(auth, "steuerung.mettmann");
        String figures = gateway + "/api/steering/figures?town=" + town;

        LoadRun background = null;
        if (rate > 0) {
            // The background uses Velbert only, so it never changes the probe town's count.
            background = new LoadRun(LoadGenerator.openCase(gateway + "/api/cases", lead, "Velbert"), api,
                    clients, rate);
            background.start(0, 0);
            System.err.printf("freshness: background load %.1f cases/s; settling %.0f s%n", rate, settle);
            LoadGenerator.sleep((long) (settle * 1000));
        }
        seedAboveThreshold(api, gateway, lead, steering, figures, town, timeout * 4);

        Latencies post = new Latencies();
        Latencies visible = new Latencies();
        Latencies query = new Latencies();
        int timeouts = 0;
        for (int i = 0; i < probes; i++) {
            long before = count(api, figures, steering);
            Api.Answer opened = api.send("POST", gateway + "/api/cases", lead, Bodies.openCase(town));
            LoadGenerator.require(opened, "open a probe case");
            post.add(opened.nanos());
            boolean seen = false;
            while (!seen && System.nanoTime() - opened.answeredAt() < timeoutNanos) {
                Api.Answer answer = api.send("GET", figures, steering, null);
                query.add(answer.nanos());
                seen = answer.ok() && countIn(answer) > before;
                if (seen) {
                    visible.add(answer.answeredAt() - opened.answeredAt());
                }
            }
            if (!seen) {
                timeouts++;
            }
            System.err.printf("probe %d: POST %.0f ms, visible %s%n", i + 1, opened.nanos() / 1e6,
                    seen ? String.format("%.0f ms after the 201", (System.nanoTime() - opened.answeredAt()) / 1e6) : "never");
        }

        Results results = new Results();
        results.put("town", town);
        results.put("rate", rate);
        results.put("probes", probes);
        results.put("timeouts", timeouts);
        post.summary().writeTo(results, "post");
        visible.summary().writeTo(results, "visible");
        query.summary().writeTo(results, "figures_request");
        if (background != null) {
            background.stop();
            Results load = new Results();
            background.writeTo(load);
            results.putAll("background.", load);
        }
        results.print(out);
        return 0;
    }

    /** Counts from 1 to 4 show as "&lt;5": opens five cases in the probes' town and waits until the figures count them. */
    static void seedAboveThreshold(Api api, String gateway, String lead, String steering, String figures, String town,
                                   double timeoutSeconds) {
        for (int i = 0; i < 5; i++) {
            LoadGenerator.require(api.send("POST", gateway + "/api/cases", lead, Bodies.openCase(town)), "open a seed case");
        }
        long seeded = System.nanoTime();
        while (count(api, figures, steering) < 5) {
            if (System.nanoTime() - seeded > (long) (timeoutSeconds * 1e9)) {
                throw new IllegalStateException("the seed cases never reached the figures of " + town);
            }
            LoadGenerator.sleep(100);
        }
    }

    static long count(Api api, String figures, String token) {
        Api.Answer answer = api.send("GET", figures, token, null);
        LoadGenerator.require(answer, "read the figures");
        return countIn(answer);
    }

    /** The total of cases opened; -1 while it is suppressed (1 to 4). */
    static long countIn(Api.Answer figures) {
        com.fasterxml.jackson.databind.JsonNode count = figures.json().path("casesOpened").path("total").path("count");
        return count.isNumber() ? count.asLong() : -1;
    }
}
