package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure in an event-sourced platform: a client with a name is opened, referred to a partner
 * and then erased. Afterwards the name is nowhere: not in any service's event store, not on any
 * topic read from its start, not in any read model; the steering figures are what they were.
 */
class ErasureEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = new StartedPlatform();
    static final String GIVEN_NAME = "Zofiya";
    static final String FAMILY_NAME = "Vergessmann";

    @Test
    void an_erased_client_is_found_nowhere_and_the_figures_stay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Gateway lead = PLATFORM.as("leitung.mettmann");
        Gateway partnerStaff = PLATFORM.as("partner.mettmann");
        Gateway steering = PLATFORM.as("steuerung.mettmann");
        assertThat(PLATFORM.as("admin.mettmann").put("/api/partners/demo-partner-mettmann", """
                {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
                 "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"agreement":{"signedOn":"2025-01-15"}}""")
                .statusCode()).isIn(201, 204);
        String offer = created(partnerStaff.post("/api/partners/demo-partner-mettmann/offers",
                "{\"title\":\"Deutsch B1\",\"fieldOfAction\":\"LANGUAGE\",\"languages\":[\"de\"],\"town\":\"Velbert\",\"capacity\":5}"));
        // Five other clients, so that the figures are above the small-cell threshold and show counts.
        for (int i = 0; i < 5; i++) {
            created(lead.post("/api/cases", """
                    {"client":{"givenName":"Anna","familyName":"Erfunden","dateOfBirth":"1990-01-01","nationality":"SYR",
                     "town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"fallmanagement.mettmann"}"""));
        }
        String caseId = created(lead.post("/api/cases", """
                {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"1989-03-04","nationality":"UKR",
                 "languages":["uk"],"town":"Velbert","contact":{"email":"z.vergessmann@example.org"}},
                 "targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"fallmanagement.mettmann"}"""
                .formatted(GIVEN_NAME, FAMILY_NAME)));
        String cases = "/api/cases/" + caseId;
        created(lead.post(cases + "/consents", """
                {"recipient":"demo-partner-mettmann","purposes":["REFERRAL"],"dataCategories":["IDENTITY","CONTACT"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s","evidenceReference":"Einwilligung 1"}"""
                .formatted(today, today.plusYears(1))));
        String need = created(lead.post(cases + "/needs", "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\"}"));
        String referral = created(lead.post(cases + "/referrals",
                "{\"needId\":\"%s\",\"partnerId\":\"demo-partner-mettmann\",\"offerId\":\"%s\"}".formatted(need, offer)));

        // The partner reads the released name; the self-disclosure names the client.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(partnerStaff.get("/api/referrals/" + referral).body()).contains(FAMILY_NAME));
        HttpResponse<String> disclosure = lead.get(cases + "/self-disclosure");
        assertThat(disclosure.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
        assertThat(disclosure.body()).contains(GIVEN_NAME, FAMILY_NAME, "CaseOpened");
        // The figures have taken in the six cases (and whatever the platform held before) and stay put.
        await().atMost(Duration.ofSeconds(60)).until(() -> Gateway.json(steering.get("/api/steering/figures"))
                .at("/casesOpened/total/count").asLong() >= 6);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(new java.util.concurrent.Callable<>() {
            String last = "";

            @Override
            public Boolean call() {
                String now = steering.get("/api/steering/figures").body();
                boolean stable = now.equals(last);
                last = now;
                return stable;
            }
        });

        EveryStore stores = new EveryStore(PLATFORM);
        // Sealed from the start: the name never was on a topic, only in read models.
        assertThat(stores.inTopics(FAMILY_NAME)).isEmpty();
        assertThat(stores.inReadModels(FAMILY_NAME)).isNotEmpty();
        String figuresBefore = steering.get("/api/steering/figures").body();

        // A legal hold stops the erasure; lifted, the erasure goes through.
        assertThat(lead.put(cases + "/legal-hold", "{\"active\":true,\"reason\":\"Klageverfahren\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> held = lead.post(cases + "/erasure", "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"DS-2026-17\"}");
        assertThat(held.statusCode()).isEqualTo(422);
        assertThat(Gateway.json(held).path("rule").asText()).isEqualTo("no_erasure_under_legal_hold");
        assertThat(lead.put(cases + "/legal-hold", "{\"active\":false,\"reason\":\"Verfahren beendet\"}").statusCode()).isEqualTo(204);
        assertThat(PLATFORM.as("fallmanagement.mettmann").post(cases + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"DS-2026-17\"}").statusCode()).isEqualTo(403);
        assertThat(lead.post(cases + "/erasure", "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"DS-2026-17\"}").statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode file = Gateway.json(lead.get(cases));
            assertThat(file.path("erasedOn").asText()).isEqualTo(today.toString());
            assertThat(file.path("client").isNull()).isTrue();
            assertThat(Gateway.json(partnerStaff.get("/api/referrals/" + referral)).path("client").isNull()).isTrue();
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stores.whereIsWhileRunning(FAMILY_NAME)).as("where the name still is").isEmpty());
        assertThat(stores.whereIsWhileRunning(GIVEN_NAME)).isEmpty();
        assertThat(stores.whereIsWhileRunning("z.vergessmann@example.org")).isEmpty();
        assertThat(lead.get(cases + "/self-disclosure").body()).doesNotContain(FAMILY_NAME);
        assertThat(lead.post(cases + "/reopening", "{\"reason\":\"neu\"}").statusCode()).isEqualTo(409);
        assertThat(steering.get("/api/steering/figures").body()).isEqualTo(figuresBefore);

        // The event stores, read with the services stopped: the name is in none of them.
        PLATFORM.platform().stop();
        assertThat(stores.inEventStores(FAMILY_NAME)).isEmpty();
        assertThat(stores.inEventStores(GIVEN_NAME)).isEmpty();
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Gateway.json(response).path("id").asText();
    }
}
