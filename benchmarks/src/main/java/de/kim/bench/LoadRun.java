package de.kim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * N client threads running a scenario's iteration over and over, each waiting for its answer
 * before it sends the next request (a closed loop), or paced to a total rate. Only requests
 * sent after the warm-up and answered before the end are counted; latencies only of answers
 * 2xx, every other answer is counted by its status.
 */
final class LoadRun {

    /** What one client does again and again; {@link #setUp} runs once before the clients start. */
    interface Scenario {
        String name();

        default void setUp(Api api) {
        }

        void iteration(Client client);
    }

    private final Scenario scenario;
    private final Api api;
    private final int clients;
    private final double rate;
    private final List<Client> all = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long measureFrom;
    private volatile long measureUntil;
    private volatile boolean stopped;
    private double cpuAtStart;

    /** {@code rate} is iterations per second of all clients together; 0 runs as fast as answers come. */
    LoadRun(Scenario scenario, Api api, int clients, double rate) {
        this.scenario = scenario;
        this.api = api;
        this.clients = clients;
        this.rate = rate;
    }

    /** Starts the clients; measuring begins after the warm-up and ends after the duration (0: when stopped). */
    void start(double warmupSeconds, double durationSeconds) {
        cpuAtStart = Results.processCpuSeconds();
        long now = System.nanoTime();
        measureFrom = now + (long) (warmupSeconds * 1e9);
        measureUntil = durationSeconds > 0 ? measureFrom + (long) (durationSeconds * 1e9) : Long.MAX_VALUE;
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        for (int i = 0; i < clients; i++) {
            Client client = new Client(interval, now + interval * i / clients);
            all.add(client);
            Thread thread = new Thread(client::loop, "client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits until the duration is over and every client has had its last answer. */
    void awaitEnd() {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends measuring now and stops the clients. */
    void stop() {
        measureUntil = Math.min(measureUntil, System.nanoTime());
        stopped = true;
        awaitEnd();
    }

    void writeTo(Results results) {
        double seconds = (measureUntil - measureFrom) / 1e9;
        Latencies every = new Latencies();
        Map<String, Latencies> steps = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        long iterations = 0;
        for (Client client : all) {
            client.steps.forEach((step, latencies) -> {
                steps.computeIfAbsent(step, s -> new Latencies()).addAll(latencies);
                every.addAll(latencies);
            });
            client.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            iterations += client.iterations;
        }
        long errors = statuses.entrySet().stream().filter(e -> !e.getKey().startsWith("2"))
                .mapToLong(Map.Entry::getValue).sum();
        results.put("scenario", scenario.name());
        results.put("clients", clients);
        results.put("rate", rate);
        results.put("measured_s", seconds);
        results.put("commands", every.count());
        results.put("throughput", every.count() / seconds);
        results.put("iterations", iterations);
        results.put("iterations_per_s", iterations / seconds);
        results.put("errors", errors);
        statuses.forEach((status, n) -> results.put("status." + status, n));
        every.summary().writeTo(results, "all");
        steps.forEach((step, latencies) -> latencies.summary().writeTo(results, "step." + step));
        results.put("client_cpu_s", Results.processCpuSeconds() - cpuAtStart);
    }

    /** One client: its own latencies and counts, merged at the end, so that recording takes no lock. */
    final class Client {
        private final Map<String, Latencies> steps = new TreeMap<>();
        private final Map<String, Long> statuses = new TreeMap<>();
        private final long interval;
        private long next;
        private long iterations;

        private Client(long interval, long first) {
            this.interval = interval;
            this.next = first;
        }

        /** Sends one command and records it if it falls into the measured time. */
        Api.Answer call(String step, String method, String url, String token, String body) {
            Api.Answer answer = api.send(method, url, token, body);
            if (answer.sentAt() >= measureFrom && answer.answeredAt() <= measureUntil) {
                statuses.merge(answer.status() == Api.Answer.NO_ANSWER ? "none" : String.valueOf(answer.status()),
                        1L, Long::sum);
                if (answer.ok()) {
                    steps.computeIfAbsent(step, s -> new Latencies()).add(answer.nanos());
                }
            }
            return answer;
        }

        /** Counts an iteration whose every command succeeded (if it ended in the measured time). */
        void completed() {
            long now = System.nanoTime();
            if (now >= measureFrom && now <= measureUntil) {
                iterations++;
            }
        }

        private void loop() {
            while (!stopped && System.nanoTime() < measureUntil) {
                if (interval > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += interval;
                }
                try {
                    scenario.iteration(this);
                } catch (RuntimeException e) {
                    statuses.merge("exception", 1L, Long::sum);
                }
            }
        }
    }
}
