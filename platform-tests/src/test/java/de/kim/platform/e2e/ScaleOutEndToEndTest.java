package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.local.Platform;
import de.kim.local.Ports;
import de.kim.local.TestEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of case-service side by side on one PostgreSQL event store, the gateway
 * balancing between them, each tracking processor split into two segments claimed through the
 * token store. One instance is killed under load: every case answered 201 is in the case files
 * and counted once in steering. Needs PostgreSQL ({@code KIM_TEST_POSTGRES_URL}, as in CI): two
 * processes cannot share an embedded H2 file.
 */
@EnabledIfEnvironmentVariable(named = TestEventStore.URL_VARIABLE, matches = ".+")
class ScaleOutEndToEndTest {

    static final int SECOND_PORT = Ports.freePort();

    @RegisterExtension
    static final StartedPlatform PLATFORM = new StartedPlatform(ScaleOutEndToEndTest::twoCaseServices);

    static Platform.ScaleOut twoCaseServices() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> store = TestEventStore.fresh("kim_scale_" + run);
        // The services' key store on the server too, as in production: embedded, it is an H2 file served by
        // whichever process opened it first, and the others lose it for seconds when that one is killed.
        Map<String, String> keys = TestEventStore.fresh("kim_scale_keys_" + run);
        return new Platform.ScaleOut("case-service", SECOND_PORT, Map.of(
                "KIM_EVENTSTORE_URL", store.get("spring.datasource.url"),
                "KIM_EVENTSTORE_USER", store.get("spring.datasource.username"),
                "KIM_EVENTSTORE_PASSWORD", store.get("spring.datasource.password"),
                "KIM_PROCESSING_SEGMENTS", "2",
                "KIM_PROCESSING_THREADS", "2"), Map.of(
                "KIM_KEYSTORE_URL", keys.get("spring.datasource.url"),
                "KIM_KEYSTORE_USER", keys.get("spring.datasource.username"),
                "KIM_KEYSTORE_PASSWORD", keys.get("spring.datasource.password")));
    }

    /** An invented person opened again and again: each opening confirms the duplicate warning. */
    static final String CASE = """
            {"client":{"givenName":"Lina","familyName":"Erfunden","dateOfBirth":"1999-09-09","nationality":"SYR",
             "town":"Ratingen"},"targetGroup":"YOUNG_ADULTS","accessRoute":"SELF","assignee":"fallmanagement.mettmann",
             "confirmDuplicate":true}""";

    @Test
    void both_instances_serve_and_killing_one_under_load_loses_and_doubles_nothing() throws Exception {
        Gateway lead = PLATFORM.as("leitung.mettmann");
        // Both instances answer on their own ports with the same data.
        String first = id(lead.post("/api/cases", CASE));
        for (int port : List.of(PLATFORM.platform().ports().caseService(), SECOND_PORT)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> direct(port, "/api/cases/" + first, lead.token()) == 200);
        }

        List<String> accepted = Collections.synchronizedList(new ArrayList<>(List.of(first)));
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> answer = lead.post("/api/cases", CASE);
                        if (answer.statusCode() == 201) {
                            accepted.add(Gateway.json(answer).path("id").asText());
                        } else {
                            refused.add(answer.statusCode());
                        }
                    } catch (RuntimeException e) {
                        refused.add(-1);
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 40);
        PLATFORM.platform().stop("case-service", true);
        int atKill = accepted.size();
        await().atMost(Duration.ofSeconds(90)).until(() -> accepted.size() >= atKill + 60);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        System.out.println("scale-out: " + accepted.size() + " cases accepted, " + atKill + " before the kill, "
                + refused.size() + " not accepted " + refused);
        // A command fails only if it was in flight at the kill, with 502 saying it may have been made;
        // one that met the dead instance's closed port went to the other. A client may meet the dead
        // instance twice: once in flight, once on a second pooled connection of the gateway's that
        // broke only when written to (the gateway ejects an instance on a refused connection only).
        assertThat(refused).as("commands not accepted while an instance died")
                .hasSizeLessThanOrEqualTo(2 * clients.size())
                .allSatisfy(status -> assertThat(status).isEqualTo(502));

        // The surviving instance took over every segment: each accepted case is in the case files...
        for (String id : accepted) {
            await().atMost(Duration.ofSeconds(60)).until(() -> lead.get("/api/cases/" + id).statusCode() == 200);
        }
        // ...and counted once in steering; only a command in flight at the kill may count without a 201.
        long expected = accepted.size();
        await().atMost(Duration.ofSeconds(90)).until(() -> casesOpened() >= expected);
        Thread.sleep(3000);
        assertThat(casesOpened()).isBetween(expected, expected + refused.size());
    }

    private static long casesOpened() {
        JsonNode figures = Gateway.json(PLATFORM.as("steuerung.mettmann").get("/api/steering/figures"));
        return figures.at("/casesOpened/total/count").asLong(-1);
    }

    private static int direct(int port, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Gateway.json(created).path("id").asText();
    }
}
