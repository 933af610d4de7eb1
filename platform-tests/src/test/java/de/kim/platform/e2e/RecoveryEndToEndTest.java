package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.kim.local.Platform;
import de.kim.local.Ports;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes as a running installation meets them, with the supervisor {@code ./kim start} leaves
 * running. First: a service that runs out of memory ends, and the supervisor {@code ./kim start} leaves running
 * starts it again: serving within a minute, with every case it had accepted. case-service is
 * started by the launcher with a heap of 160 MB, too small for what is asked of it: its read model
 * holds forty invented case files of a megabyte each for one assignee, and six lists of them asked
 * at once need more than the heap (the list's bound counts files, not bytes; the Mongo-wire server
 * answers a find in one message, which the driver takes up to 48 MB, so one list cannot be larger).
 * Then: under a steady load of commands, each component is killed (two at a time) and started again by the
 * supervisor, and nothing accepted is lost ({@link FaultInjection}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveryEndToEndTest {

    /** An invented person opened again and again: each opening confirms the duplicate warning. */
    static final String CASE = """
            {"client":{"givenName":"Mira","familyName":"Ausgedacht","dateOfBirth":"1995-06-07","nationality":"ERI",
             "languages":["ti"],"town":"Mettmann"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","assignee":"cm-ben",
             "confirmDuplicate":true}""";
    static final String HEAVY_ASSIGNEE = "cm-heavy";
    static final ObjectMapper json = Gateway.JSON;

    static Platform platform;
    static List<String> acceptedUnderFaults = List.of();
    static Gateway lead;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("kim-e2e-"),
                Ports.free());
        platform.javaOptions("case-service", "-Xmx160m");
        try {
            platform.start(StartedPlatform.quiet());
            platform.startSupervisor();
        } catch (RuntimeException failed) {
            platform.stop();
            throw failed;
        }
        lead = Gateway.signedIn(platform.ports().gateway(), platform.ports().authServer(), "leitung.mettmann");
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (platform != null) {
            platform.stop();
            try (java.util.stream.Stream<Path> all = Files.walk(platform.dataDir())) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void a_service_that_ran_out_of_memory_is_started_again_by_the_supervisor_and_has_lost_nothing() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = lead.post("/api/cases", CASE);
            assertThat(created.statusCode()).isEqualTo(201);
            accepted.add(json.readTree(created.body()).path("id").asText());
        }
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + platform.ports().mongo())) {
            MongoCollection<Document> files = mongo.getDatabase("kim-case-service").getCollection("case_files");
            String megabyte = "x".repeat(1 << 20);
            for (int i = 0; i < 40; i++) {
                files.insertOne(new Document("_id", "heavy-" + i).append("tenant", "kreis-mettmann")
                        .append("assignee", HEAVY_ASSIGNEE).append("status", "OPEN").append("town", megabyte)
                        .append("targetGroup", "NEWLY_ARRIVED")
                        .append("openedOn", java.util.Date.from(Instant.parse("2026-01-05T00:00:00Z"))));
            }
            long pidBefore = platform.running("case-service").orElseThrow().pid();

            List<CompletableFuture<Integer>> lists = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                lists.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return lead.get("/api/cases?assignee=" + HEAVY_ASSIGNEE).statusCode();
                    } catch (RuntimeException connectionBroken) {
                        return 599;
                    }
                }));
            }
            List<Integer> answers = lists.stream().map(CompletableFuture::join).toList();
            assertThat(answers).as("the requests that need more than the heap").anyMatch(status -> status >= 500);
            files.deleteMany(Filters.eq("assignee", HEAVY_ASSIGNEE));

            Instant ended = Instant.now();
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.running("case-service")
                    .map(p -> p.pid() != pidBefore).orElse(true));
            // -XX:+ExitOnOutOfMemoryError, set by the launcher, says so as it ends the process.
            assertThat(Files.readString(platform.logFile("case-service")))
                    .contains("Terminating due to java.lang.OutOfMemoryError");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lead.get("/api/cases/" + accepted.get(0)).statusCode() == 200);
            Duration back = Duration.between(ended, Instant.now());
            assertThat(back).isLessThan(Duration.ofMinutes(1));
            Optional<ProcessHandle> again = platform.running("case-service");
            assertThat(again).isPresent();
            assertThat(again.get().pid()).isNotEqualTo(pidBefore);
        }
        for (String id : accepted) {
            assertThat(lead.get("/api/cases/" + id).statusCode()).isEqualTo(200);
        }
        assertThat(lead.post("/api/cases", CASE).statusCode()).isEqualTo(201);
        assertThat(Files.readString(platform.logFile("supervisor"))).contains("case-service is not running")
                .contains("case-service is ready again");
    }

    @Test
    @Order(2)
    void every_component_killed_under_load_comes_back_and_no_accepted_command_is_lost() throws Exception {
        acceptedUnderFaults = new FaultInjection(platform).run();
    }

    @Test
    @Order(3)
    void a_restart_of_the_whole_platform_loses_nothing() throws Exception {
        long counted = new FaultInjection(platform).casesOpened();
        List<String> cases = new ArrayList<>(acceptedUnderFaults);
        HttpResponse<String> opened = lead.post("/api/cases", CASE);
        assertThat(opened.statusCode()).isEqualTo(201);
        cases.add(json.readTree(opened.body()).path("id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> new FaultInjection(platform).casesOpened() == counted + 1);

        platform.stop();
        platform.start(StartedPlatform.quiet());
        platform.startSupervisor();

        Gateway leadAgain = Gateway.signedIn(platform.ports().gateway(), platform.ports().authServer(), "leitung.mettmann");
        for (String id : cases) {
            assertThat(leadAgain.get("/api/cases/" + id).statusCode()).as(id).isEqualTo(200);
        }
        assertThat(new FaultInjection(platform).casesOpened()).isEqualTo(counted + 1);
        assertThat(leadAgain.post("/api/cases", CASE).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> new FaultInjection(platform).casesOpened() == counted + 2);
    }
}
