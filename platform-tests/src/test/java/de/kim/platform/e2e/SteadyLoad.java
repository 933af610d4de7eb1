package de.kim.platform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that send one kind of command through the gateway, one after the other with a pause
 * between, until stopped:
 * the ids of what was accepted (201) and a tally of every other answer (-1 where no answer came,
 * e.g. while the gateway was down).
 */
final class SteadyLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> others = new ConcurrentHashMap<>();

    SteadyLoad(int clients, Duration between, Gateway as, String path, String body) {
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    send(as, path, body);
                    pause(between.toMillis());
                }
            }, "load " + path + " " + c);
            client.setDaemon(true);
            client.start();
            this.clients.add(client);
        }
    }

    private void send(Gateway as, String path, String body) {
        int status;
        try {
            HttpResponse<String> answer = as.post(path, body);
            status = answer.statusCode();
            if (status == 201) {
                accepted.add(Gateway.json(answer).path("id").asText());
                return;
            }
        } catch (RuntimeException noAnswer) {
            status = -1;
            pause(200);
        }
        others.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status >= 500) {
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int acceptedCount() {
        return accepted.size();
    }

    List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Every answer that was not 201, by status; -1 counts requests that got no answer. */
    Map<Integer, Integer> notAccepted() {
        Map<Integer, Integer> tally = new java.util.TreeMap<>();
        others.forEach((status, count) -> tally.put(status, count.get()));
        return tally;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(40_000);
        }
    }
}
