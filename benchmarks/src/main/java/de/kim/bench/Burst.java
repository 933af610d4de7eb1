package de.kim.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After a burst of commands, how soon do the read models follow again? {@code --commands} cases
 * are opened through the gateway as fast as {@code --clients} clients get answers; from the end
 * of the burst on, a probe opens one case at a time in a town the burst never uses and waits
 * until it is counted in steering's figures (the event published to Kafka and consumed) and its
 * case file answers (case-service's own projection). The platform has followed again once three
 * probes in a row were in both within {@code --lag} seconds: reported as seconds after the burst.
 */
@Command(name = "burst", description = "After a burst of commands: seconds until the read models follow within a second again.")
final class Burst implements Callable<Integer> {

    @Mixin
    PlatformAddress platform;
    @Option(names = "--commands", defaultValue = "10000", description = "cases opened in the burst")
    int commands;
    @Option(names = "--clients", defaultValue = "32")
    int clients;
    @Option(names = "--town", defaultValue = "Haan", description = "the probes' town, never the burst's")
    String town;
    @Option(names = "--lag", defaultValue = "1", description = "seconds from a probe's 201 to both read models")
    double lag;
    @Option(names = "--max-wait", defaultValue = "600", description = "seconds after the burst at most")
    double maxWait;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    private static final int IN_A_ROW = 3;

    private record Probe(double afterBurstS, double figureS, double fileS) {
        boolean within(double lag) {
            return figureS <= lag && fileS <= lag;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Api api = new Api();
        String lead = api.token(platform.auth, "leitung.mettmann");
        String steering = api.token(platform.auth, "steuerung.mettmann");
        String figures = platform.gateway + "/api/steering/figures?town=" + town;
        Freshness.seedAboveThreshold(api, platform.gateway, lead, steering, figures, town, 120);

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        String body = Bodies.openCase("Velbert");
        List<Thread> threads = new ArrayList<>();
        long burstStart = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (sent.getAndIncrement() < commands) {
                    if (api.send("POST", platform.gateway + "/api/cases", lead, body).ok()) {
                        accepted.incrementAndGet();
                    }
                }
            }, "burst-" + c);
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join();
        }
        long burstEnd = System.nanoTime();
        double burstSeconds = (burstEnd - burstStart) / 1e9;
        System.err.printf("burst: %,d of %,d accepted in %.1f s (%.0f/s)%n", accepted.get(), commands, burstSeconds,
                accepted.get() / burstSeconds);

        List<Probe> probes = new ArrayList<>();
        Double followedAfter = null;
        long deadline = burstEnd + (long) (maxWait * 1e9);
        while (followedAfter == null && System.nanoTime() < deadline) {
            long before = Freshness.count(api, figures, steering);
            Api.Answer opened = LoadGenerator.require(api.send("POST", platform.gateway + "/api/cases", lead,
                    Bodies.openCase(town)), "open a probe case");
            String file = platform.gateway + "/api/cases/" + opened.id();
            long figureAt = 0;
            long fileAt = 0;
            while ((figureAt == 0 || fileAt == 0) && System.nanoTime() < deadline) {
                if (figureAt == 0) {
                    Api.Answer answer = api.send("GET", figures, steering, null);
                    if (answer.ok() && Freshness.countIn(answer) > before) {
                        figureAt = answer.answeredAt();
                    }
                }
                if (fileAt == 0) {
                    Api.Answer answer = api.send("GET", file, lead, null);
                    if (answer.ok()) {
                        fileAt = answer.answeredAt();
                    }
                }
                if (figureAt == 0 || fileAt == 0) {
                    LoadGenerator.sleep(50);
                }
            }
            if (figureAt == 0 || fileAt == 0) {
                break;
            }
            Probe probe = new Probe((opened.answeredAt() - burstEnd) / 1e9, (figureAt - opened.answeredAt()) / 1e9,
                    (fileAt - opened.answeredAt()) / 1e9);
            probes.add(probe);
            System.err.printf("probe %d, %.1f s after the burst: figure after %.2f s, case file after %.2f s%n",
                    probes.size(), probe.afterBurstS(), probe.figureS(), probe.fileS());
            int n = probes.size();
            if (n >= IN_A_ROW && probes.subList(n - IN_A_ROW, n).stream().allMatch(p -> p.within(lag))) {
                followedAfter = probes.get(n - IN_A_ROW).afterBurstS();
            }
        }

        Results results = new Results();
        results.put("commands", commands);
        results.put("clients", clients);
        results.put("accepted", accepted.get());
        results.put("burst_s", burstSeconds);
        results.put("burst_per_s", accepted.get() / burstSeconds);
        results.put("lag_s", lag);
        results.put("probes", probes.size());
        results.put("followed_after_s", followedAfter == null ? "never" : String.format(java.util.Locale.ROOT, "%.1f",
                followedAfter));
        results.put("max_wait_s", maxWait);
        if (!probes.isEmpty()) {
            Probe first = probes.get(0);
            results.put("first_probe.figure_s", first.figureS());
            results.put("first_probe.file_s", first.fileS());
            results.put("worst.figure_s", probes.stream().mapToDouble(Probe::figureS).max().orElse(0));
            results.put("worst.file_s", probes.stream().mapToDouble(Probe::fileS).max().orElse(0));
        }
        results.print(out);
        return 0;
    }
}
