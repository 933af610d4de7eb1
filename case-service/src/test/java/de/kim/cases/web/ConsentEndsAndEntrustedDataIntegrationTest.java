package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.cases.privacy.ConsentExpiryJob;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.AchievementShared;
import de.kim.contracts.cases.ConsentRevoked;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.SharedAchievementsWithdrawn;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consent that runs out ends as a revocation does, and entrusted data (§ 65 SGB VIII) never
 * leaves case management: through HTTP, the case file, and what goes on {@code kim.case.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentEndsAndEntrustedDataIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConsentExpiryJob expiry;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }

    @Test
    void a_consent_past_its_last_valid_day_is_ended_by_the_job_shown_as_expired_published_and_shares_nothing_more()
            throws Exception {
        String caseId = openCase();
        String need = created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\",\"description\":\"Deutschkurs\"}"));
        String partner = UUID.randomUUID().toString();
        String consent = created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","NEEDS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(partner, today.minusDays(30),
                today.minusDays(1))));
        await().atMost(Duration.ofSeconds(20)).until(() -> caseFile(caseId).at("/consents/0/id").asText().equals(consent));

        assertThat(expiry.run()).as("consents the job ended").isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(caseFile(caseId).at("/consents/0/expiredOn").asText()).isEqualTo(today.toString()));
        assertThat(caseFile(caseId).at("/consents/0/revokedOn").isNull()).isTrue();
        ConsumerRecord<String, String> ended = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key()) && r.value().contains(ConsentRevoked.TYPE.name()),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no ConsentRevoked for " + caseId));
        JsonNode data = json.readTree(ended.value()).path("data");
        assertThat(data.path("consentId").asText()).isEqualTo(consent);
        assertThat(data.path("recipient").asText()).isEqualTo(partner);
        assertThat(data.path("reason").asText()).isEqualTo(ConsentRevoked.EXPIRED);
        assertThat(data.path("revokedOn").asText()).isEqualTo(today.toString());

        assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .contains("Einwilligung für einen Netzwerkpartner abgelaufen").doesNotContain(partner);
        JsonNode expired = json.readTree(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .path("items").get(0);
        assertThat(expired.path("type").asText()).isEqualTo("ConsentExpired");
        assertThat(expired.path("actorName").asText()).as("the job's work, in words")
                .isEqualTo("automatisch (Einwilligung abgelaufen)");
        assertThat(expiry.run()).as("a second run ends nothing of this case again").isZero();
        ResponseEntity<String> referral = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/referrals",
                "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, UUID.randomUUID(), need));
        assertThat(referral.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void revoking_the_consent_for_the_immigration_office_withdraws_what_it_holds_and_an_entrusted_achievement_never_goes()
            throws Exception {
        String caseId = openCase();
        String record = UUID.randomUUID().toString();
        assertThat(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/residence-record",
                "{\"residenceRecordId\":\"" + record + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        OfficeAnswers.answerLink(json, TestTokens.TENANT, caseId, record, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(exchange(HttpMethod.GET, "/api/cases/" + caseId,
                null).getBody()).path("residenceRecordLink").asText().equals("CONFIRMED"));
        String consent = created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", """
                {"recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],"dataCategories":["ACHIEVEMENTS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(today, today.plusYears(1))));
        ResponseEntity<String> shared = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/achievements",
                "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"B1\",\"achievedOn\":\"%s\"}".formatted(today));
        String achievement = created(shared);
        assertThat(json.readTree(shared.getBody()).path("sharedWithImmigrationOffice").asBoolean()).isTrue();
        ResponseEntity<String> kept = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/achievements",
                "{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"%s\",\"entrusted\":true}".formatted(today));
        String entrusted = created(kept);
        assertThat(json.readTree(kept.getBody()).path("sharedWithImmigrationOffice").asBoolean()).isFalse();

        assertThat(exchange(HttpMethod.DELETE, "/api/cases/" + caseId + "/consents/" + consent, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        ConsumerRecord<String, String> withdrawn = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key())
                                && r.value().contains(SharedAchievementsWithdrawn.TYPE.name()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no SharedAchievementsWithdrawn for " + caseId));
        JsonNode data = json.readTree(withdrawn.value()).path("data");
        assertThat(data.path("residenceRecordId").asText()).isEqualTo(record);
        assertThat(data.path("consentId").asText()).isEqualTo(consent);
        assertThat(data.path("achievementIds").toString()).contains(achievement).doesNotContain(entrusted);
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.CASE,
                        r -> r.value().contains(AchievementShared.TYPE.name()) && r.value().contains(entrusted),
                        Duration.ofSeconds(3)))
                .as("the entrusted achievement never went to the office").isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode file = caseFile(caseId);
            assertThat(file.at("/consents/0/revokedOn").asText()).isEqualTo(today.toString());
            file.path("achievements").forEach(a -> assertThat(a.path("sharedWithImmigrationOffice").asBoolean())
                    .as("achievement %s at the office", a.path("id")).isFalse());
        });
    }

    @Test
    void an_entrusted_need_is_marked_on_the_case_file_and_never_referred_even_with_a_consent_releasing_needs()
            throws Exception {
        String caseId = openCase();
        String marker = "ANVERTRAUT-" + UUID.randomUUID();
        String entrusted = created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"HEALTH\",\"priority\":\"HIGH\",\"description\":\"%s\",\"entrusted\":true}"
                        .formatted(marker)));
        String later = created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"LOW\",\"description\":\"Sprachkurs\"}"));
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/needs/" + later + "/entrusted", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/needs/" + later + "/entrusted", null)
                .getStatusCode()).as("marked once").isEqualTo(HttpStatus.CONFLICT);
        String partner = UUID.randomUUID().toString();
        created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","NEEDS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(partner, today, today.plusYears(1))));

        for (String need : new String[] {entrusted, later}) {
            ResponseEntity<String> refused = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/referrals",
                    "{\"partnerId\":\"%s\",\"offerId\":\"%s\",\"needId\":\"%s\"}".formatted(partner, UUID.randomUUID(),
                            need));
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.path("rule").asText()).isEqualTo("entrusted_data_never_leaves_case_management");
            assertThat(problem.path("detail").asText()).contains("anvertraut", "§ 65 SGB VIII");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode needs = caseFile(caseId).path("needs");
            assertThat(needs.size()).isEqualTo(2);
            needs.forEach(n -> assertThat(n.path("entrusted").asBoolean()).as("need %s entrusted", n.path("id")).isTrue());
        });
        assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .contains("Bedarf als anvertraut (§ 65 SGB VIII) gekennzeichnet");
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.CASE,
                        r -> caseId.equals(r.key()) && r.value().contains(ReferralMade.TYPE.name()), Duration.ofSeconds(3)))
                .as("no referral of this case left").isEmpty();
    }

    private String openCase() throws Exception {
        ResponseEntity<String> opened = exchange(HttpMethod.POST, CaseServiceIntegrationTest.OPEN_AGAIN, CaseServiceIntegrationTest.VALID_CASE);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(opened.getBody()).path("id").asText();
    }

    private String created(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("id").asText();
    }

    private JsonNode caseFile(String caseId) throws Exception {
        return json.readTree(http.getForEntity("/api/cases/" + caseId, String.class).getBody());
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
