package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.contracts.Topics;
import de.kim.local.Platform;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills each component with SIGKILL while clients open cases, register partners and create
 * residence records, two at a time (a piece of infrastructure with a service that does not need it
 * to start, two services), and lets the supervisor start them again. Then every accepted command
 * must be in its service's read model and on its topic (at least once: consumers tolerate
 * repeats), steering must count each case once, every read model must answer after a rebuild from
 * scratch exactly as before, and no answer may have been a 500: while a component was down, commands
 * were refused with 502/503/504 (or found the gateway gone), never half-done.
 */
final class FaultInjection {

    /** Every component, killed together with its partner in the list. */
    static final List<List<String>> VICTIMS = List.of(List.of("kafka", "partner-service"),
            List.of("mongo", "immigration-office-service"), List.of("case-service", "steering-service"), List.of("gateway"));
    /** What a client may see while a component is down: the gateway's answers for an unreachable service, or none. */
    static final Set<Integer> REFUSALS = Set.of(-1, 502, 503, 504);

    /** An invented person opened again and again: each opening confirms the duplicate warning. */
    static final String CASE = """
            {"client":{"givenName":"Tarek","familyName":"Ausgedacht","dateOfBirth":"1988-03-14","nationality":"SYR",
             "languages":["ar"],"town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"cm-ben",
             "confirmDuplicate":true}""";
    static final String RECORD = """
            {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"1990-10-01","nationality":"AFG","entryDate":"2019-04-02","minorChildInHousehold":false}""";
    static final String PARTNER = """
            {"name":"Sprachschule Erfunden","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
             "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"agreement":{"signedOn":"2025-01-15"}}""";

    private final Platform platform;
    private final Gateway lead;
    private final Gateway officer;
    private final Gateway admin;
    private final Gateway steering;

    FaultInjection(Platform platform) {
        this.platform = platform;
        int gateway = platform.ports().gateway();
        int auth = platform.ports().authServer();
        this.lead = Gateway.signedIn(gateway, auth, "leitung.mettmann");
        this.officer = Gateway.signedIn(gateway, auth, "abh.mettmann");
        this.admin = Gateway.signedIn(gateway, auth, "admin.mettmann");
        this.steering = Gateway.signedIn(gateway, auth, "steuerung.mettmann");
    }

    /** Runs the load and the kills, checks, and answers the cases accepted meanwhile. */
    List<String> run() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> casesOpened() >= 0);
        long casesBefore = casesOpened();
        SteadyLoad cases = new SteadyLoad(2, Duration.ofMillis(300), lead, "/api/cases", CASE);
        SteadyLoad records = new SteadyLoad(1, Duration.ofMillis(500), officer, "/api/residence-records", RECORD);
        SteadyLoad partners = new SteadyLoad(1, Duration.ofMillis(500), admin, "/api/partners", PARTNER);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> cases.acceptedCount() >= 10);
            for (List<String> victims : VICTIMS) {
                Map<Integer, Integer> casesRefusedBefore = Map.copyOf(cases.notAccepted());
                killAndAwaitRestart(victims);
                String victim = String.join(" and ", victims);
                int c = cases.acceptedCount();
                int r = records.acceptedCount();
                int p = partners.acceptedCount();
                await().atMost(Duration.ofSeconds(90)).alias("commands accepted again after " + victim + " came back")
                        .until(() -> cases.acceptedCount() >= c + 5 && records.acceptedCount() > r
                                && partners.acceptedCount() > p);
                // Which kill made which answers: the cases' refusals of this round.
                System.out.printf("fault injection: %s killed, cases not accepted meanwhile %s%n", victim,
                        difference(cases.notAccepted(), casesRefusedBefore));
            }
        } finally {
            cases.close();
            records.close();
            partners.close();
        }
        System.out.printf("fault injection: accepted %d cases %s, %d residence records %s, %d partners %s%n",
                cases.acceptedCount(), cases.notAccepted(), records.acceptedCount(), records.notAccepted(),
                partners.acceptedCount(), partners.notAccepted());
        for (SteadyLoad load : List.of(cases, records, partners)) {
            assertThat(load.notAccepted().keySet()).as("answers other than 201").isSubsetOf(REFUSALS);
        }

        everyOneAnswers(lead, "/api/cases/", cases.accepted());
        everyOneAnswers(officer, "/api/residence-records/", records.accepted());
        everyOneAnswers(admin, "/api/partners/", partners.accepted());

        // A command in flight at a kill may have been made without its 201 reaching the client.
        long inFlight = cases.notAccepted().entrySet().stream().filter(e -> REFUSALS.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long least = casesBefore + cases.acceptedCount();
        await().atMost(Duration.ofSeconds(120)).until(() -> casesOpened() >= least);
        Thread.sleep(2000);
        long counted = casesOpened();
        assertThat(counted).as("cases counted by steering").isBetween(least, least + inFlight);

        Map<String, Long> opened = published(Topics.CASE, "kim.case.CaseOpened", "/data/caseId");
        Map<String, Long> registered = published(Topics.PARTNER, "kim.partner.PartnerRegistered", "/data/partnerId");
        assertThat(cases.accepted()).as("accepted cases on " + Topics.CASE).allMatch(opened::containsKey);
        assertThat(partners.accepted()).as("accepted partners on " + Topics.PARTNER).allMatch(registered::containsKey);
        assertThat((long) opened.size()).as("steering counts each case on the topic once").isEqualTo(counted);
        System.out.printf("fault injection: %d CaseOpened published more than once, %d PartnerRegistered%n",
                repeated(opened), repeated(registered));

        everyReadModelEqualsItsRebuild(cases.accepted(), records.accepted(), partners.accepted());
        assertThat(casesOpened()).as("steering's figure after a rebuild from the topics").isEqualTo(counted);
        return cases.accepted();
    }

    /**
     * Each read model answers after a rebuild from scratch exactly as it did before: the case files,
     * the partners, the residence records of every accepted command, steering's figures and action plan.
     */
    private void everyReadModelEqualsItsRebuild(List<String> caseIds, List<String> recordIds, List<String> partnerIds) {
        Map<String, String> before = whatUsersRead(caseIds, recordIds, partnerIds);
        for (String readModel : List.of("case-service/case-files", "partner-service/partner-views",
                "immigration-office-service/residence-records", "steering-service/facts", "steering-service/action-plan")) {
            HttpResponse<String> rebuilt = admin.post("/api/read-models/" + readModel + "/rebuild", "");
            assertThat(rebuilt.statusCode()).as(readModel + " rebuilt: " + rebuilt.body()).isEqualTo(200);
        }
        assertThat(whatUsersRead(caseIds, recordIds, partnerIds)).as("what users read after every rebuild")
                .isEqualTo(before);
    }

    private Map<String, String> whatUsersRead(List<String> caseIds, List<String> recordIds, List<String> partnerIds) {
        Map<String, String> read = new java.util.LinkedHashMap<>();
        caseIds.forEach(id -> read.put("/api/cases/" + id, lead.get("/api/cases/" + id).body()));
        recordIds.forEach(id -> read.put("/api/residence-records/" + id, officer.get("/api/residence-records/" + id).body()));
        partnerIds.forEach(id -> read.put("/api/partners/" + id, admin.get("/api/partners/" + id).body()));
        read.put("/api/steering/figures", steering.get("/api/steering/figures").body());
        read.put("/api/steering/action-plan", steering.get("/api/steering/action-plan").body());
        return read;
    }

    private void killAndAwaitRestart(List<String> victims) {
        Map<String, Long> pids = new HashMap<>();
        Map<String, Long> readyBefore = new HashMap<>();
        for (String victim : victims) {
            pids.put(victim, platform.running(victim).orElseThrow(() -> new AssertionError(victim + " not running")).pid());
            readyBefore.put(victim, restartsReported(victim));
        }
        victims.forEach(victim -> platform.stop(victim, true));
        for (String victim : victims) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .alias(victim + " started again by the supervisor")
                    .until(() -> restartsReported(victim) > readyBefore.get(victim));
            assertThat(platform.running(victim)).as(victim + " running again").isPresent()
                    .get().matches(process -> process.pid() != pids.get(victim), "a new process");
        }
    }

    private long restartsReported(String victim) {
        try {
            return Files.readAllLines(platform.logFile("supervisor")).stream()
                    .filter(line -> line.endsWith(" " + victim + " is ready again"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void everyOneAnswers(Gateway as, String path, List<String> ids) {
        for (String id : ids) {
            if (as.get(path + id).statusCode() != 200) {
                await().atMost(Duration.ofSeconds(60)).alias(path + id).until(() -> as.get(path + id).statusCode() == 200);
            }
        }
    }

    /** How often the event of the type is on the topic, by the id at {@code idPointer} in the envelope. */
    private Map<String, Long> published(String topic, String type, String idPointer) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(platform.kafkaAdminConfig(), topic)) {
            JsonNode envelope = parse(record.value());
            if (type.equals(envelope.path("type").asText())) {
                counts.merge(envelope.at(idPointer).asText(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static JsonNode parse(String json) {
        try {
            return Gateway.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Integer, Integer> difference(Map<Integer, Integer> now, Map<Integer, Integer> before) {
        Map<Integer, Integer> difference = new java.util.TreeMap<>();
        now.forEach((status, count) -> {
            int added = count - before.getOrDefault(status, 0);
            if (added > 0) {
                difference.put(status, added);
            }
        });
        return difference;
    }

    private static long repeated(Map<String, Long> counts) {
        return counts.values().stream().filter(n -> n > 1).count();
    }

    long casesOpened() {
        return Gateway.json(steering.get("/api/steering/figures")).at("/casesOpened/total/count").asLong(-1);
    }
}
