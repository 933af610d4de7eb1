package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.contracts.Topics;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import static de.kim.platform.e2e.Gateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;



/**
 * A case manager and a network partner work one case through the gateway, on the whole
 * platform started as processes: open, consent, needs, plan, referral (accepted, and one
 * declined), measures with a double-funding warning, follow-up, goal, closure; then the
 * history, the events on {@code kim.case.v1}, and a revoked consent emptying the partner's view.
 */
class CaseWorkflowEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = new StartedPlatform();
    // Demo users of Kreis Mettmann, one per role (auth-server's application.yml).
    static final String LEAD = "leitung.mettmann";
    static final String ADMIN = "admin.mettmann";
    static final String PARTNER_STAFF = "partner.mettmann";
    static final String OFFICER = "abh.mettmann";
    static final String STEERING = "steuerung.mettmann";



    @Test
    void a_case_goes_from_opening_to_closure_with_a_partner_answering_its_referrals() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

        // The administration registers the partner the demo partner staff are bound to; they publish an offer with one place.
        String partner = id(PLATFORM.as(ADMIN).put("/api/partners/demo-partner-mettmann", """
                {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG","SGB_II"],
                 "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"contact":{"email":"kurse@vhs.example"},
                 "agreement":{"signedOn":"2025-01-15","validUntil":"2027-12-31"}}"""));
        String offer = id(PLATFORM.as(PARTNER_STAFF).post("/api/partners/" + partner + "/offers", """
                {"title":"Deutsch B1 mit Kinderbetreuung","fieldOfAction":"LANGUAGE","languages":["de","ar"],
                 "town":"Velbert","capacity":1}"""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(PLATFORM.as(LEAD).get(
                "/api/offers?field=LANGUAGE&town=Velbert&language=ar&available=true&partner=" + partner)).path("items")
                .findValuesAsText("id")).contains(offer));

        // The case manager opens the case and records consent, needs and plan.
        String caseId = id(PLATFORM.as(LEAD).post("/api/cases", """
                {"client":{"givenName":"Layla","familyName":"Erfunden","dateOfBirth":"1994-06-01","nationality":"AFG",
                 "languages":["fa","de"],"town":"Velbert","contact":{"email":"layla@example.org"}},
                 "targetGroup":"FAMILIES","accessRoute":"JOBCENTER","assignee":"cm-anna"}"""));
        String cases = "/api/cases/" + caseId;
        String consent = id(PLATFORM.as(LEAD).post(cases + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","LANGUAGES"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s","evidenceReference":"Einwilligung Nr. 7"}"""
                .formatted(partner, today, today.plusYears(1))));
        String language = id(PLATFORM.as(LEAD).post(cases + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\",\"description\":\"B1 für die Ausbildung\"}"));
        String work = id(PLATFORM.as(LEAD).post(cases + "/needs", "{\"fieldOfAction\":\"TRAINING_WORK\",\"priority\":\"MEDIUM\"}"));
        HttpResponse<String> plan = PLATFORM.as(LEAD).put(cases + "/plan", """
                {"agreedOn":"%s","goals":[{"fieldOfAction":"LANGUAGE","description":"B1-Zertifikat","targetDate":"%s"}]}"""
                .formatted(today, today.plusMonths(6)));
        assertThat(plan.statusCode()).isEqualTo(200);
        String goal = json(plan).path("goalIds").get(0).asText();

        // The referral: case-service knows the offer once partner-service's event reached it.
        String referralBody = "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, offer, language);
        List<String> referrals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> answer = PLATFORM.as(LEAD).post(cases + "/referrals", referralBody);
            if (answer.statusCode() == 201) {
                referrals.add(json(answer).path("id").asText());
            }
            return answer.statusCode() == 201;
        });
        String accepted = referrals.get(0);

        // The partner sees the referral with only what the consent releases, and accepts it.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(PLATFORM.as(PARTNER_STAFF).get("/api/partners/" + partner + "/referrals?status=RECEIVED&size=200"))
                        .path("items").findValuesAsText("id").contains(accepted));
        JsonNode inboxEntry = json(PLATFORM.as(PARTNER_STAFF).get("/api/referrals/" + accepted));
        assertThat(inboxEntry.at("/client/givenName").asText()).isEqualTo("Layla");
        assertThat(inboxEntry.at("/client/email").isNull()).isTrue();
        assertThat(PLATFORM.as(PARTNER_STAFF).post("/api/referrals/" + accepted + "/accept", "{}").statusCode()).isEqualTo(204);

        // The answer is in the case manager's work basket within 2 s, in words and with the client's name; done, it leaves.
        String answerItem = caseId + ":referral:" + accepted + ":accepted";
        String basket = "/api/work-basket?assignee=cm-anna&size=200";
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                json(PLATFORM.as(LEAD).get(basket)).findValuesAsText("id").contains(answerItem));
        JsonNode item = itemOf(json(PLATFORM.as(LEAD).get(basket)), answerItem);
        assertThat(item.path("text").asText()).isEqualTo("Ein Netzwerkpartner hat die Verweisung angenommen.");
        assertThat(item.path("caseLabel").asText()).isEqualTo("Erfunden, Layla");
        assertThat(PLATFORM.as(LEAD).post("/api/work-basket/" + answerItem + "/done", "").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !json(PLATFORM.as(LEAD).get(basket)).findValuesAsText("id").contains(answerItem));
        await().atMost(Duration.ofSeconds(30)).until(() -> referralStatus(cases, accepted).equals("ACCEPTED"));

        // A correction of the client's name reaches the partner's copy, which the consent (identity) covers.
        assertThat(PLATFORM.as(LEAD).put(cases + "/client", """
                {"givenName":"Layla","familyName":"Erfunden-Korrigiert","dateOfBirth":"1994-06-01","nationality":"AFG",
                 "languages":["fa","de"],"town":"Velbert","contact":{"email":"layla@example.org"}}""").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(PARTNER_STAFF).get("/api/referrals/" + accepted))
                .at("/client/familyName").asText().equals("Erfunden-Korrigiert"));
        // The case is found under the corrected name.
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get("/api/cases?q=korrigiert"))
                .path("items").findValuesAsText("id").contains(caseId));

        // A counselling contact shows in the history and counts in steering's figures, without its content.
        assertThat(PLATFORM.as(LEAD).post(cases + "/contacts", """
                {"contactOn":"%s","kind":"IN_PERSON","durationMinutes":45,"note":"Kursanmeldung besprochen"}"""
                .formatted(today)).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get(cases + "/history"))
                .findValuesAsText("text").stream().anyMatch(line -> line.startsWith("Beratungskontakt am")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counselling = json(PLATFORM.as(STEERING).get("/api/steering/counselling"));
            assertThat(counselling.at("/contacts/total/display").asText()).isEqualTo("<5");
            assertThat(counselling.toString()).doesNotContain("Kursanmeldung");
        });

        // A second referral (another need) is declined with a reason; the case shows it.
        String declinedBody = "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, offer, work);
        String declined = id(PLATFORM.as(LEAD).post(cases + "/referrals", declinedBody));
        await().atMost(Duration.ofSeconds(30)).until(() -> PLATFORM.as(PARTNER_STAFF).get("/api/referrals/" + declined).statusCode() == 200);
        // The only place is taken: accepting is refused without an explicit override.
        assertThat(PLATFORM.as(PARTNER_STAFF).post("/api/referrals/" + declined + "/accept", "{}").statusCode()).isEqualTo(409);
        assertThat(PLATFORM.as(PARTNER_STAFF).post("/api/referrals/" + declined + "/decline",
                "{\"reason\":\"NO_CAPACITY\",\"comment\":\"Kurs voll\"}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> referralStatus(cases, declined).equals("DECLINED"));
        assertThat(referral(cases, declined).path("declineReason").asText()).isEqualTo("NO_CAPACITY");

        // Measures: the second language course in an overlapping period is double funding.
        assertThat(json(PLATFORM.as(LEAD).post(cases + "/measures", measure(language, "SGB_II", today, today.plusMonths(4))))
                .path("status").asText()).isEqualTo("ACTIVE");
        JsonNode warned = json(PLATFORM.as(LEAD).post(cases + "/measures",
                measure(language, "AUFENTHG", today.plusMonths(2), today.plusMonths(8))));
        assertThat(warned.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(warned.path("doubleFundingWith")).hasSize(1);
        assertThat(PLATFORM.as(LEAD).post(cases + "/measures/" + warned.path("id").asText() + "/withdrawal",
                "{\"reason\":\"Doppelförderung vermieden\"}").statusCode()).isEqualTo(204);

        // Legal domain change, follow-up, theme, goal, closure.
        assertThat(PLATFORM.as(LEAD).post(cases + "/legal-domains",
                "{\"legalDomains\":[\"SGB_II\"],\"since\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(204);
        String followUp = id(PLATFORM.as(LEAD).post(cases + "/follow-ups",
                "{\"dueOn\":\"%s\",\"subject\":\"Kursbeginn nachfragen\"}".formatted(today.plusDays(7))));
        await().atMost(Duration.ofSeconds(30)).until(() -> PLATFORM.as(LEAD).get("/api/follow-ups?assignee=cm-anna&dueBy="
                + today.plusDays(7)).body().contains(followUp));
        assertThat(PLATFORM.as(LEAD).post(cases + "/themes", "{\"themeCode\":\"NO_LANGUAGE_COURSE_WITH_CHILDCARE\"}").statusCode())
                .isEqualTo(204);
        assertThat(PLATFORM.as(LEAD).post(cases + "/plan/goals/" + goal + "/achievement",
                "{\"achievedOn\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get(cases)).path("themes").size() == 1);
        long version = json(PLATFORM.as(LEAD).get(cases)).path("version").asLong();
        assertThat(PLATFORM.as(LEAD).post(cases + "/closure", "{\"outcome\":\"GOALS_REACHED\"}", "If-Match", "\"" + (version - 1) + "\"")
                .statusCode()).as("a stale version is refused").isEqualTo(409);
        assertThat(PLATFORM.as(LEAD).post(cases + "/closure", "{\"outcome\":\"GOALS_REACHED\"}", "If-Match", "\"" + version + "\"")
                .statusCode()).isEqualTo(204);
        assertThat(PLATFORM.as(LEAD).post(cases + "/needs", "{\"fieldOfAction\":\"HOUSING\",\"priority\":\"LOW\"}").statusCode())
                .as("a closed case refuses changes").isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get(cases)).path("status").asText().equals("CLOSED"));

        // The history tells it in plain words.
        List<String> history = json(PLATFORM.as(LEAD).get(cases + "/history?size=200")).findValuesAsText("text");
        assertThat(history).anyMatch(line -> line.startsWith("Fall eröffnet"))
                .anyMatch(line -> line.startsWith("Verweisung an VHS Velbert: Angebot „Deutsch B1 mit Kinderbetreuung“"))
                .anyMatch(line -> line.equals("Die Verweisung an VHS Velbert wurde angenommen"))
                .noneMatch(line -> line.contains(partner) || line.contains(offer) || line.contains("LANGUAGE"))
                .anyMatch(line -> line.startsWith("Warnung Doppelförderung"))
                .anyMatch(line -> line.startsWith("Fall abgeschlossen"));

        // The events on kim.case.v1: the referral carries the released data sealed with the client's key
        // (the partner read the name above, nobody reads it on the topic); the closure its outcome.
        Map<String, Object> asAdmin = PLATFORM.platform().kafkaAdminConfig();
        ConsumerRecord<String, String> made = TopicReader.find(asAdmin, Topics.CASE,
                r -> r.value().contains("\"kim.case.ReferralMade\"") && r.value().contains(accepted),
                Duration.ofSeconds(30)).orElseThrow();
        assertThat(made.key()).isEqualTo(caseId);
        assertThat(made.value()).contains("\"sealedClient\":\"").doesNotContain("Layla", "layla@example.org");
        assertThat(TopicReader.find(asAdmin, Topics.CASE, r -> r.key().equals(caseId)
                && r.value().contains("\"kim.case.CaseClosed\"") && r.value().contains("GOALS_REACHED"),
                Duration.ofSeconds(30))).isPresent();

        // Revoking the consent empties the partner's view of the client at once.
        assertThat(PLATFORM.as(LEAD).post(cases + "/reopening", "{\"reason\":\"neuer Bedarf\"}").statusCode()).isEqualTo(204);
        assertThat(PLATFORM.as(LEAD).delete(cases + "/consents/" + consent).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(PLATFORM.as(PARTNER_STAFF).get("/api/referrals/" + accepted)).path("client").isNull());
        String housing = id(PLATFORM.as(LEAD).post(cases + "/needs", "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"LOW\"}"));
        HttpResponse<String> refused = PLATFORM.as(LEAD).post(cases + "/referrals",
                "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, offer, housing));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).path("rule").asText()).isEqualTo("referral_needs_consent_for_the_partner");

        // Steering sees it all as figures: the partner's referral flow and the gaps, small counts suppressed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode flows = json(PLATFORM.as(STEERING).get("/api/steering/referral-flows"));
            assertThat(flows.findValuesAsText("partnerName")).contains("VHS Velbert");
            assertThat(flows.findValues("made").get(0).path("display").asText()).isEqualTo("<5");
            List<String> gaps = new ArrayList<>();
            json(PLATFORM.as(STEERING).get("/api/steering/gaps")).forEach(g -> gaps.add(g.path("town").asText() + "/"
                    + g.path("fieldOfAction").asText() + "/" + g.path("reason").asText()));
            assertThat(gaps).contains("Velbert/LANGUAGE/NO_OFFER_WITH_FREE_CAPACITY",
                    "Velbert/TRAINING_WORK/NO_OFFER_WITH_FREE_CAPACITY");
        });
        HttpResponse<String> csv = PLATFORM.as(STEERING).get("/api/steering/exports/gaps.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        // The export speaks in words, as the page does: no code of the APIs' vocabulary in it.
        assertThat(csv.body()).contains("Velbert;Sprache;<5;Kein Angebot mit freiem Platz")
                .doesNotContain("LANGUAGE", "NO_OFFER_WITH_FREE_CAPACITY");
        assertThat(json(PLATFORM.as(STEERING).get("/api/steering/figures")).toString()).doesNotContain("Layla", "Erfunden");
    }

    @Test
    void a_language_certificate_reached_in_case_management_reaches_the_office_with_consent_and_meets_the_pathway() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String record = id(PLATFORM.as(OFFICER).post("/api/residence-records", """
                {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"1991-02-17","nationality":"AFG","entryDate":"2016-05-02","minorChildInHousehold":false}"""));
        String records = "/api/residence-records/" + record;
        id(PLATFORM.as(OFFICER).post(records + "/statuses", "{\"type\":\"DULDUNG\",\"section\":null,\"validFrom\":\"2016-05-02\",\"validUntil\":\"%s\"}"
                .formatted(today.plusMonths(3))));
        await().atMost(Duration.ofSeconds(30)).until(() -> pathwayRequirement(records, "AUFENTHG_25B", "language").equals("MISSING"));

        String caseId = id(PLATFORM.as(LEAD).post("/api/cases", """
                {"client":{"givenName":"Omid","familyName":"Erfunden","dateOfBirth":"1991-02-17","nationality":"AFG",
                 "town":"Hilden"},"targetGroup":"TOLERATED","accessRoute":"IMMIGRATION_OFFICE","assignee":"cm-ben"}"""));
        String cases = "/api/cases/" + caseId;
        assertThat(PLATFORM.as(LEAD).put(cases + "/residence-record", "{\"residenceRecordId\":\"%s\"}".formatted(record))
                .statusCode()).isEqualTo(204);
        // The office confirms that the case's client is the record's person; before, nothing of the case reaches it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(PLATFORM.as(OFFICER).get(records))
                .path("caseLinks").findValuesAsText("state")).containsExactly("REQUESTED"));
        assertThat(PLATFORM.as(OFFICER).post(records + "/case-links/" + caseId + "/confirmation", "").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get(cases)).path("residenceRecordLink")
                .asText().equals("CONFIRMED"));
        // Without a consent for the office the certificate stays in case management.
        JsonNode kept = json(PLATFORM.as(LEAD).post(cases + "/achievements",
                "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"A1\",\"achievedOn\":\"%s\"}".formatted(today.minusDays(30))));
        assertThat(kept.path("sharedWithImmigrationOffice").asBoolean()).isFalse();

        id(PLATFORM.as(LEAD).post(cases + "/consents", """
                {"recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],"dataCategories":["ACHIEVEMENTS"],
                 "form":"ELECTRONIC","givenOn":"%s","validUntil":"%s"}""".formatted(today, today.plusYears(2))));
        JsonNode shared = json(PLATFORM.as(LEAD).post(cases + "/achievements",
                "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"B1\",\"achievedOn\":\"%s\"}".formatted(today.minusDays(2))));
        assertThat(shared.path("sharedWithImmigrationOffice").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> pathwayRequirement(records, "AUFENTHG_25B", "language").equals("MET"));
        assertThat(json(PLATFORM.as(OFFICER).get(records)).toString()).doesNotContain("A1");
    }

    @Test
    void a_hand_over_of_the_office_becomes_a_need_of_the_linked_case_and_its_status_check_is_answered_back_to_the_case() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String record = id(PLATFORM.as(OFFICER).post("/api/residence-records", """
                {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"1997-09-23","nationality":"IRQ","entryDate":"2017-03-14","minorChildInHousehold":false}"""));
        String records = "/api/residence-records/" + record;
        assertThat(PLATFORM.as(OFFICER).put(records + "/officer", "{\"officer\":\"abh-jonas\"}").statusCode()).isEqualTo(204);
        String handover = id(PLATFORM.as(OFFICER).post(records + "/handover",
                "{\"fieldOfAction\":\"LANGUAGE\",\"reasonCode\":\"LANGUAGE_LEVEL_MISSING\",\"pathway\":\"AUFENTHG_25B\"}"));

        String caseId = id(PLATFORM.as(LEAD).post("/api/cases", """
                {"client":{"givenName":"Rana","familyName":"Erfunden","dateOfBirth":"1997-09-23","nationality":"IRQ",
                 "town":"Ratingen"},"targetGroup":"TOLERATED","accessRoute":"IMMIGRATION_OFFICE","assignee":"cm-ben"}"""));
        String cases = "/api/cases/" + caseId;
        assertThat(PLATFORM.as(LEAD).put(cases + "/residence-record", "{\"residenceRecordId\":\"%s\"}".formatted(record))
                .statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode needs = json(PLATFORM.as(LEAD).get(cases)).path("needs");
            assertThat(needs.findValuesAsText("fieldOfAction")).containsExactly("LANGUAGE");
            assertThat(needs.get(0).path("priority").asText()).isEqualTo("HIGH");
            assertThat(needs.get(0).path("description").asText()).contains("Grund: Sprachniveau fehlt noch",
                    "§ 25b AufenthG (nachhaltige Integration)").doesNotContain("LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B");
        });
        // The office handed the person over: the link is confirmed without the officer.
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get(cases)).path("residenceRecordLink")
                .asText().equals("CONFIRMED"));
        JsonNode taken = json(PLATFORM.as(LEAD).get("/api/handovers?status=ADDED_TO_CASE&residenceRecordId=" + record));
        assertThat(taken.findValuesAsText("handoverId")).containsExactly(handover);
        assertThat(taken.findValuesAsText("caseId")).containsExactly(caseId);

        // Without a consent for the office the case manager cannot ask; with one, the request goes out.
        HttpResponse<String> refused = PLATFORM.as(LEAD).post(cases + "/status-check", "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).path("rule").asText()).isEqualTo("status_check_needs_consent_for_the_immigration_office");
        id(PLATFORM.as(LEAD).post(cases + "/consents", """
                {"recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],"dataCategories":["RESIDENCE_STATUS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(today, today.plusYears(1))));
        String check = id(PLATFORM.as(LEAD).post(cases + "/status-check", ""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode workList = json(PLATFORM.as(OFFICER).get("/api/residence-records/work-list?officer=abh-jonas"));
            assertThat(workList.path("statusChecks").findValuesAsText("statusCheckId")).contains(check);
        });
        JsonNode onRecord = json(PLATFORM.as(OFFICER).get(records)).path("statusChecks");
        assertThat(onRecord.findValuesAsText("id")).containsExactly(check);
        assertThat(onRecord.findValuesAsText("caseId")).containsExactly(caseId);

        // The officer answers; within two seconds the case file shows the status and the prospect.
        id(PLATFORM.as(OFFICER).post(records + "/statuses", "{\"type\":\"DULDUNG\",\"section\":null,\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(today.minusMonths(2), today.plusMonths(4))));
        assertThat(PLATFORM.as(OFFICER).post(records + "/status-checks/" + check + "/completion", """
                {"pathway":"AUFENTHG_25B","prospect":"REQUIREMENTS_MISSING","note":"Es fehlt noch das B1-Zertifikat"}""")
                .statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode file = json(PLATFORM.as(LEAD).get(cases));
            assertThat(file.at("/statusChecks/0/answer/prospect").asText()).isEqualTo("REQUIREMENTS_MISSING");
            assertThat(file.at("/statusChecks/0/answer/note").asText()).isEqualTo("Es fehlt noch das B1-Zertifikat");
            assertThat(file.at("/residenceStatus/statusType").asText()).isEqualTo("DULDUNG");
            assertThat(file.at("/residenceStatus/validUntil").asText()).isEqualTo(today.plusMonths(4).toString());
        });
        String answerItem = caseId + ":status-check:" + check;
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                json(PLATFORM.as(LEAD).get("/api/work-basket?assignee=cm-ben&size=200")).findValuesAsText("id")
                        .contains(answerItem));
        assertThat(json(PLATFORM.as(LEAD).get("/api/work-basket?assignee=cm-ben&size=200")).toString())
                .contains("Die Ausländerbehörde hat die Statusprüfung beantwortet.");
    }

    @Test
    void the_case_list_pages_with_its_total_and_finds_a_client_by_name_prefix_umlauts_date_of_birth_and_number() {
        String family = "Jäger" + letters(7);
        String folded = "jaeger" + family.substring(5);
        List<String> opened = new ArrayList<>();
        for (String given : List.of("Ömer", "Ana", "Lou")) {
            opened.add(id(PLATFORM.as(LEAD).post("/api/cases", """
                    {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"1980-0%d-15","nationality":"TUR",
                     "town":"Haan"},"targetGroup":"FAMILIES","accessRoute":"SELF","assignee":"cm-ben"}"""
                    .formatted(given, family, opened.size() + 1))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> json(PLATFORM.as(LEAD).get("/api/cases?q=" + folded))
                .path("total").asLong() == 3);

        JsonNode first = json(PLATFORM.as(LEAD).get("/api/cases?q=" + folded + "&size=2&sort=caseNumber,asc"));
        assertThat(first.path("items").findValuesAsText("id")).containsExactly(opened.get(0), opened.get(1));
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        JsonNode second = json(PLATFORM.as(LEAD).get("/api/cases?q=" + folded + "&size=2&page=1&sort=caseNumber,asc"));
        assertThat(second.path("items").findValuesAsText("id")).containsExactly(opened.get(2));
        JsonNode all = json(PLATFORM.as(LEAD).get("/api/cases?size=2"));
        assertThat(all.path("items").size()).isEqualTo(2);
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(3);

        String umlauts = java.net.URLEncoder.encode("JÄGER" + family.substring(5, 8).toUpperCase() + " öm",
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json(PLATFORM.as(LEAD).get("/api/cases?q=" + umlauts)).path("items").findValuesAsText("id"))
                .containsExactly(opened.get(0));
        assertThat(json(PLATFORM.as(LEAD).get("/api/cases?q=15.02.1980+" + folded)).path("items")
                .findValuesAsText("id")).containsExactly(opened.get(1));
        String number = json(PLATFORM.as(LEAD).get("/api/cases/" + opened.get(2))).path("caseNumber").asText();
        assertThat(number).matches("KIM-\\d{4}-\\d{5}");
        assertThat(json(PLATFORM.as(LEAD).get("/api/cases?q=" + number)).path("items").findValuesAsText("id"))
                .containsExactly(opened.get(2));
        // Another Kommune finds none of them.
        assertThat(json(PLATFORM.as("leitung.musterland").get("/api/cases?q=" + folded)).path("total").asLong()).isZero();

        HttpResponse<String> tooBig = PLATFORM.as(LEAD).get("/api/cases?size=201");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json(tooBig).path("detail").asText()).isEqualTo("Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
    }

    private static String letters(int count) {
        java.util.Random random = new java.util.Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    @Test
    void the_officer_finds_a_record_by_aktenzeichen_and_name_and_exports_the_25b_candidates_which_no_other_role_may() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String family = "Auffindbar" + Long.toString(System.nanoTime() % 1_000_000_000L, 26)
                .replaceAll("[0-9]", "x");
        String fileNumber = "ABH-E2E " + (System.nanoTime() % 900_000 + 100_000) + "/2016";
        String record = id(PLATFORM.as(OFFICER).post("/api/residence-records", """
                {"familyName":"%s","givenName":"Erika","fileNumber":"%s","dateOfBirth":"1990-03-08","nationality":"AFG",
                 "entryDate":"2016-05-02","minorChildInHousehold":false}""".formatted(family, fileNumber)));
        String records = "/api/residence-records/" + record;
        id(PLATFORM.as(OFFICER).post(records + "/statuses", "{\"type\":\"DULDUNG\",\"section\":null,\"validFrom\":\"2016-05-02\",\"validUntil\":\"%s\"}"
                .formatted(today.plusMonths(3))));
        for (String achievement : List.of("{\"kind\":\"ORIENTATION_COURSE\",\"achievedOn\":\"%s\"}".formatted(today.minusMonths(3)),
                "{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"%s\"}".formatted(today.minusYears(1)),
                "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"A2\",\"achievedOn\":\"%s\"}".formatted(today.minusMonths(2)))) {
            id(PLATFORM.as(OFFICER).post(records + "/achievements", achievement));
        }

        // Found by the whole Aktenzeichen (case and spaces aside) and by the beginning of the name without umlauts.
        String byFileNumber = "/api/residence-records?q=" + java.net.URLEncoder.encode(fileNumber.toLowerCase(),
                java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(PLATFORM.as(OFFICER).get(byFileNumber)).findValuesAsText("recordId")).containsExactly(record));
        JsonNode byName = json(PLATFORM.as(OFFICER).get("/api/residence-records?q=" + family.substring(0, 8).toLowerCase()
                + "+erik"));
        assertThat(byName.findValuesAsText("recordId")).contains(record);
        assertThat(byName.path("items").get(0).path("fileNumber").asText()).isEqualTo(fileNumber);
        // Its screening today meets § 25b: the record list's pathway filter and the candidate list agree.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(PLATFORM.as(OFFICER).get(
                "/api/residence-records?pathway=AUFENTHG_25B&within=P0D&q=" + family.toLowerCase()))
                .findValuesAsText("recordId")).containsExactly(record));

        // The candidate list: who meets § 25b today, who reaches the residence period next month, never who lacks the language.
        String withoutLanguage = toleratedRecord(family + "ohne", today.minusYears(10), false, today);
        String nextMonth = toleratedRecord(family + "bald", today.minusYears(6).plusDays(30), true, today);
        String candidates = "/api/pathway-candidates?pathway=AUFENTHG_25B&size=200&within=";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(json(PLATFORM.as(OFFICER).get(candidates + "P0D")).findValuesAsText("recordId"))
                    .contains(record).doesNotContain(withoutLanguage, nextMonth);
            assertThat(json(PLATFORM.as(OFFICER).get(candidates + "P2M")).findValuesAsText("recordId"))
                    .contains(record, nextMonth).doesNotContain(withoutLanguage);
        });
        // Screening as of a past day follows the rule set in force on that day.
        JsonNode in2022 = json(PLATFORM.as(OFFICER).get(records + "/pathways?asOf=2022-12-30"));
        assertThat(in2022.path("asOf").asText()).isEqualTo("2022-12-30");
        assertThat(pathway(in2022, "AUFENTHG_25B").at("/ruleSet/effectiveFrom").asText()).isEqualTo("2019-08-21");
        assertThat(pathway(json(PLATFORM.as(OFFICER).get(records + "/pathways")), "AUFENTHG_25B")
                .at("/ruleSet/effectiveFrom").asText()).isNotEqualTo("2019-08-21");

        HttpResponse<String> csv = PLATFORM.as(OFFICER).get("/api/pathway-candidates/export.csv?pathway=AUFENTHG_25B");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".csv");
        assertThat(csv.body()).contains("Aktenzeichen und Name", fileNumber + " – " + family + ", Erika")
                .doesNotContain(record, "AUFENTHG_25B", "DULDUNG");
        HttpResponse<String> xlsx = PLATFORM.as(OFFICER).get("/api/pathway-candidates/export.xlsx?pathway=AUFENTHG_25B");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        for (String other : List.of(LEAD, ADMIN, PARTNER_STAFF, STEERING)) {
            assertThat(PLATFORM.as(other).get("/api/pathway-candidates/export.csv?pathway=AUFENTHG_25B").statusCode())
                    .as(other).isEqualTo(403);
            assertThat(PLATFORM.as(other).get("/api/pathway-candidates/export.xlsx?pathway=AUFENTHG_25B").statusCode())
                    .as(other).isEqualTo(403);
        }
    }

    /** A record tolerated since the day given, with an orientation course, a year of work and A2 (or school instead). */
    private static String toleratedRecord(String family, LocalDate since, boolean language, LocalDate today) {
        String id = id(PLATFORM.as(OFFICER).post("/api/residence-records", """
                {"familyName":"%s","givenName":"Erika","fileNumber":"ABH-E2E %s","dateOfBirth":"1990-03-08","nationality":"AFG",
                 "entryDate":"%s","minorChildInHousehold":false}""".formatted(family, family, since)));
        String records = "/api/residence-records/" + id;
        id(PLATFORM.as(OFFICER).post(records + "/statuses", "{\"type\":\"DULDUNG\",\"section\":null,\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(since, today.plusMonths(3))));
        String third = language ? "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"A2\",\"achievedOn\":\"%s\"}"
                : "{\"kind\":\"SCHOOL_ATTENDANCE\",\"achievedOn\":\"%s\"}";
        for (String achievement : List.of("{\"kind\":\"ORIENTATION_COURSE\",\"achievedOn\":\"%s\"}".formatted(today.minusMonths(3)),
                "{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"%s\"}".formatted(today.minusYears(1)),
                third.formatted(today.minusMonths(2)))) {
            id(PLATFORM.as(OFFICER).post(records + "/achievements", achievement));
        }
        return id;
    }

    private static JsonNode pathway(JsonNode screening, String pathway) {
        for (JsonNode p : screening.path("pathways")) {
            if (p.path("pathway").asText().equals(pathway)) {
                return p;
            }
        }
        throw new AssertionError("no pathway " + pathway + " in " + screening);
    }

    private static String pathwayRequirement(String records, String pathway, String requirement) {
        for (JsonNode p : json(PLATFORM.as(OFFICER).get(records + "/pathways")).path("pathways")) {
            if (p.path("pathway").asText().equals(pathway)) {
                for (JsonNode r : p.path("requirements")) {
                    if (r.path("id").asText().equals(requirement)) {
                        return r.path("outcome").asText();
                    }
                }
            }
        }
        return "";
    }

    private static String referralStatus(String cases, String referralId) {
        return referral(cases, referralId).path("status").asText();
    }

    private static JsonNode referral(String cases, String referralId) {
        for (JsonNode referral : json(PLATFORM.as(LEAD).get(cases)).path("referrals")) {
            if (referral.path("id").asText().equals(referralId)) {
                return referral;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String measure(String need, String fundedBy, LocalDate from, LocalDate to) {
        return "{\"kind\":\"LANGUAGE_COURSE\",\"needId\":\"%s\",\"fundedBy\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                .formatted(need, fundedBy, from, to);
    }

    private static JsonNode itemOf(JsonNode basket, String itemId) {
        for (JsonNode item : basket.path("items")) {
            if (item.path("id").asText().equals(itemId)) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId + " in the work basket");
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        return json(created).path("id").asText();
    }
}
