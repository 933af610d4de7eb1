package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a data-protection officer asks of erasure, through the gateway as the users work: a unique
 * marker typed into every free-text field of every service's API (the client's data, each note,
 * reason and comment of case management, the partner's answers, the immigration office's record),
 * then the client and the record erased (not while a legal hold stands, and only by the lead) and
 * steering's read model rebuilt. Afterwards the marker
 * is in no API answer, no read model, no record of any topic read from its start, no log line and,
 * with the services stopped, no event store, neither in its rows nor in its files' raw bytes;
 * lists, figures and exports answer as before, the erased case still counted.
 */
class DataProtectionEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = new StartedPlatform();
    static final String PARTNER = "demo-partner-mettmann";
    /** A date of birth nobody else in the test has, to find the residence record's person by. */
    static final String RECORD_BIRTH_DATE = "1911-11-11";

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final String marker = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @Test
    void a_marker_in_every_free_text_is_found_nowhere_after_erasure_and_a_rebuild_and_the_counts_stay() throws Exception {
        Gateway lead = PLATFORM.as("leitung.mettmann");
        Gateway partnerStaff = PLATFORM.as("partner.mettmann");
        Gateway steering = PLATFORM.as("steuerung.mettmann");
        Gateway officer = PLATFORM.as("abh.mettmann");
        String offer = partnerWithOffer();
        for (int i = 0; i < 5; i++) {
            created(lead.post("/api/cases?confirmDuplicate=true", """
                    {"client":{"givenName":"Anna","familyName":"Erfunden","dateOfBirth":"1990-01-01","nationality":"SYR",
                     "town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"fallmanagement.mettmann"}"""));
        }

        // Case management: the client and every text typed about them.
        String cases = "/api/cases/" + created(lead.post("/api/cases", """
                {"client":{"givenName":"%1$s-given","familyName":"%1$s-family","dateOfBirth":"1989-03-04","nationality":"UKR",
                 "languages":["uk"],"town":"Velbert","contact":{"email":"%1$s@example.org","address":"%1$s-Strasse 1"}},
                 "targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"fallmanagement.mettmann"}""".formatted(marker)));
        created(lead.post(cases + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","CONTACT","NEEDS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s","evidenceReference":"%s-evidence"}"""
                .formatted(PARTNER, today, today.plusYears(1), marker)));
        String need = created(lead.post(cases + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\",\"description\":\"" + marker + "-need\"}"));
        ok(lead.put(cases + "/plan", """
                {"agreedOn":"%s","goals":[{"fieldOfAction":"LANGUAGE","description":"%s-goal","targetDate":"%s"}]}"""
                .formatted(today, marker, today.plusMonths(6))));
        String first = created(lead.post(cases + "/measures", measure(need, today, today.plusMonths(3), marker + "-provider-1")));
        String second = created(lead.post(cases + "/measures",
                measure(need, today.plusMonths(1), today.plusMonths(4), marker + "-provider-2")));
        ok(lead.post(cases + "/measures/" + second + "/confirmation", "{\"justification\":\"" + marker + "-justification\"}"));
        ok(lead.post(cases + "/measures/" + first + "/withdrawal", "{\"reason\":\"" + marker + "-measure-withdrawn\"}"));
        created(lead.post(cases + "/follow-ups", "{\"dueOn\":\"" + today.plusDays(1) + "\",\"subject\":\"" + marker + "-follow-up\"}"));
        ok(lead.post(cases + "/themes", "{\"freeText\":\"" + marker + "-theme\"}"));
        for (String block : List.of("legal-hold", "dispute")) {
            ok(lead.put(cases + "/" + block, "{\"active\":true,\"reason\":\"" + marker + "-" + block + "-on\"}"));
            ok(lead.put(cases + "/" + block, "{\"active\":false,\"reason\":\"" + marker + "-" + block + "-off\"}"));
        }

        // Three referrals in turn (one open referral per need and offer): the partner reads the released
        // data and declines the first, completes the second; the case manager withdraws the third.
        // A referral waits until case-service has learnt of the offer and of the answer before.
        String declined = referred(lead, cases, referral(offer, need, marker + "-note-1"));
        awaitShown(partnerStaff, declined);
        ok(partnerStaff.post("/api/referrals/" + declined + "/decline",
                "{\"reason\":\"NO_CAPACITY\",\"comment\":\"" + marker + "-decline\"}"));
        String completed = referred(lead, cases, referral(offer, need, marker + "-note-2"));
        awaitShown(partnerStaff, completed);
        ok(partnerStaff.post("/api/referrals/" + completed + "/accept", "{}"));
        ok(partnerStaff.post("/api/referrals/" + completed + "/complete",
                "{\"result\":\"GOAL_REACHED\",\"comment\":\"" + marker + "-complete\"}"));
        String withdrawn = referred(lead, cases, referral(offer, need, marker + "-note-3"));
        awaitShown(partnerStaff, withdrawn);
        ok(lead.post(cases + "/referrals/" + withdrawn + "/withdrawal", "{\"reason\":\"" + marker + "-withdrawn\"}"));
        ok(lead.post(cases + "/closure", "{\"outcome\":\"MOVED_AWAY\",\"note\":\"" + marker + "-closure\"}"));

        // The immigration office: a person's record and the officer's reasons.
        String records = "/api/residence-records/" + created(officer.post("/api/residence-records", """
                {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"%s","nationality":"AFG","entryDate":"2016-05-02"}""".formatted(RECORD_BIRTH_DATE)));
        ok(officer.put(records + "/legal-hold", "{\"active\":true,\"reason\":\"" + marker + "-record-hold-on\"}"));
        ok(officer.put(records + "/legal-hold", "{\"active\":false,\"reason\":\"" + marker + "-record-hold-off\"}"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(lead.get(cases).body()).contains(marker + "-need", marker + "-provider-2", marker + "-follow-up");
            assertThat(partnerStaff.get("/api/referrals/" + completed).body()).contains(marker + "-complete");
            assertThat(officer.get(records).body()).contains(RECORD_BIRTH_DATE);
        });
        EveryStore stores = new EveryStore(PLATFORM);
        assertThat(stores.inTopics(marker)).as("the marker on a topic, before erasure").isEmpty();
        assertThat(stores.inReadModels(marker)).as("read models hold the opened texts before erasure").isNotEmpty();

        Map<String, String> before = whatEveryoneReads(lead, steering);

        // A legal hold stops the erasure; lifted, only the lead may erase.
        String erasure = "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"" + marker + "-erasure\"}";
        ok(lead.put(cases + "/legal-hold", "{\"active\":true,\"reason\":\"" + marker + "-hold-again\"}"));
        HttpResponse<String> held = lead.post(cases + "/erasure", erasure);
        assertThat(held.statusCode()).isEqualTo(422);
        assertThat(Gateway.json(held).path("rule").asText()).isEqualTo("no_erasure_under_legal_hold");
        ok(lead.put(cases + "/legal-hold", "{\"active\":false,\"reason\":\"" + marker + "-hold-lifted\"}"));
        assertThat(PLATFORM.as("fallmanagement.mettmann").post(cases + "/erasure", erasure).statusCode()).isEqualTo(403);

        // Erased: the client by the lead, the record by the officer; then steering rebuilt from the topics.
        ok(lead.post(cases + "/erasure", erasure));
        // The office's erasure reference is a file number (no names, by its format), kept readable as proof.
        ok(officer.post(records + "/erasure", "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"ABH-DS-2026-0042\"}"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Gateway.json(lead.get(cases)).path("erasedOn").asText()).isEqualTo(today.toString());
            assertThat(officer.get(records).body()).doesNotContain(RECORD_BIRTH_DATE);
            assertThat(stores.whereIsWhileRunning(marker)).as("where the marker still is").isEmpty();
        });
        assertThat(PLATFORM.as("admin.mettmann").post("/api/steering/rebuild", "").statusCode()).isEqualTo(200);

        for (String path : List.of(cases, cases + "/history", cases + "/self-disclosure")) {
            HttpResponse<String> answer = lead.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(marker);
        }
        for (String referral : List.of(declined, completed, withdrawn)) {
            HttpResponse<String> answer = partnerStaff.get("/api/referrals/" + referral);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain(marker);
        }
        assertThat(partnerStaff.get("/api/partners/" + PARTNER + "/referrals?size=200").body()).doesNotContain(marker);
        assertThat(Gateway.json(partnerStaff.get("/api/referrals/" + completed)).path("client").isNull())
                .as("the partner's copy of the client").isTrue();
        assertThat(lead.post(cases + "/reopening", "{\"reason\":\"neu\"}").statusCode()).as("an erased case reopened")
                .isEqualTo(409);
        HttpResponse<String> record = officer.get(records);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).doesNotContain(marker).doesNotContain(RECORD_BIRTH_DATE);
        assertThat(officer.get(records + "/pathways").statusCode()).isEqualTo(200);
        assertThat(whatEveryoneReads(lead, steering)).as("lists, figures and exports after erasure and rebuild")
                .isEqualTo(before);
        assertThat(stores.whereIsWhileRunning(marker)).as("read models and topics after the rebuild").isEmpty();
        assertThat(stores.whereIsWhileRunning(RECORD_BIRTH_DATE)).isEmpty();
        assertThat(inLogs(marker)).as("log lines holding the marker").isEmpty();

        // With every process stopped: the event stores' rows, and the raw bytes of their files.
        PLATFORM.platform().stop();
        assertThat(stores.inEventStores(marker)).isEmpty();
        assertThat(inEventStoreFiles(marker)).as("event store files holding the marker").isEmpty();
        assertThat(inEventStoreFiles(RECORD_BIRTH_DATE)).as("event store files holding the date of birth").isEmpty();
        assertThat(inLogs(marker)).as("log lines holding the marker").isEmpty();
    }

    /** The answers that must not change when a person is erased: the case list's count, figures and exports. */
    private Map<String, String> whatEveryoneReads(Gateway lead, Gateway steering) throws Exception {
        Map<String, String> read = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(stable(steering));
        HttpResponse<String> list = lead.get("/api/cases");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode cases = Gateway.json(list);
        read.put("cases listed", String.valueOf(cases.isArray() ? cases.size() : cases.path("total").asLong()));
        for (String path : List.of("/api/steering/figures", "/api/steering/figures?groupBy=town",
                "/api/steering/referral-flows", "/api/steering/themes", "/api/steering/exports/figures.csv",
                "/api/steering/exports/referral-flows.csv")) {
            HttpResponse<String> answer = steering.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            read.put(path, answer.body());
        }
        return read;
    }

    /** True once steering's figures read the same twice in a row: every event has been counted. */
    private static Callable<Boolean> stable(Gateway steering) {
        return new Callable<>() {
            String last = "";

            @Override
            public Boolean call() {
                String now = steering.get("/api/steering/figures").body();
                boolean same = now.equals(last);
                last = now;
                return same;
            }
        };
    }

    private List<String> inLogs(String text) throws Exception {
        return filesHolding(PLATFORM.platform().dataDir().resolve("logs"), text);
    }

    /** Every file of every service's event store and of the key store, read as bytes. */
    private List<String> inEventStoreFiles(String text) throws Exception {
        List<String> found = new ArrayList<>();
        for (String store : List.of("case-service", "partner-service", "immigration-office-service", "steering-service",
                "keystore")) {
            found.addAll(filesHolding(PLATFORM.platform().dataDir().resolve(store), text));
        }
        return found;
    }

    private static List<String> filesHolding(Path dir, String text) throws Exception {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), wanted) >= 0) {
                    found.add(file.toString());
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String partnerWithOffer() {
        assertThat(PLATFORM.as("admin.mettmann").put("/api/partners/" + PARTNER, """
                {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
                 "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"agreement":{"signedOn":"2025-01-15"}}""")
                .statusCode()).isIn(201, 204);
        return created(PLATFORM.as("partner.mettmann").post("/api/partners/" + PARTNER + "/offers",
                "{\"title\":\"Deutsch B1\",\"fieldOfAction\":\"LANGUAGE\",\"languages\":[\"de\"],\"town\":\"Velbert\",\"capacity\":5}"));
    }

    private void awaitShown(Gateway partnerStaff, String referral) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(partnerStaff.get("/api/referrals/" + referral).body()).contains(marker + "-family"));
    }

    private static String referred(Gateway lead, String cases, String body) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = lead.post(cases + "/referrals", body);
            if (answer.statusCode() == 201) {
                id[0] = Gateway.json(answer).path("id").asText();
            }
            return id[0] != null;
        });
        return id[0];
    }

    private static String referral(String offer, String need, String note) {
        return "{\"partnerId\":\"" + PARTNER + "\",\"offerId\":\"" + offer + "\",\"needId\":\"" + need + "\",\"note\":\"" + note + "\"}";
    }

    private static String measure(String need, LocalDate from, LocalDate to, String provider) {
        return "{\"kind\":\"LANGUAGE_COURSE\",\"needId\":\"" + need + "\",\"fundedBy\":\"SGB_II\",\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"provider\":\"" + provider + "\"}";
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Gateway.json(response).path("id").asText();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }
}
