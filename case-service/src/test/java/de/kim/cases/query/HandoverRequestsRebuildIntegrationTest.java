package de.kim.cases.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over requests can be rebuilt: requests the store lost behind the service's back (a
 * restore, say) come back, the lead's list answers throughout, and hand-overs after the rebuild
 * show as before. Invented residence records only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverRequestsRebuildIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    HandoverRequestsDatabase requests;

    private final String lead = TestTokens.token(TestTokens.TENANT, "lead-lea", Role.CASE_MANAGEMENT_LEAD);
    private final String admin = TestTokens.token(TestTokens.TENANT, "admin-ida", Role.ADMINISTRATOR);

    @Test
    void a_rebuild_brings_back_lost_requests_keeps_the_list_answering_and_later_hand_overs_show() throws Exception {
        List<String> handovers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handovers.add(publishHandover());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> openHandovers().containsAll(handovers));
        String databaseBefore = requests.activeName();
        // Behind the service's back: one request is gone.
        requests.template().remove(requests.template().findById(TestTokens.TENANT + ":" + handovers.get(1),
                HandoverRequest.class));
        assertThat(openHandovers()).doesNotContain(handovers.get(1));

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                answers.add(get("/api/handovers", lead).getStatusCode().value());
            }
        });
        reader.start();
        ResponseEntity<String> rebuilt;
        try {
            rebuilt = http.exchange("/api/read-models/case-service/handover-requests/rebuild", HttpMethod.POST,
                    new HttpEntity<>(TestTokens.bearer(admin)), String.class);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("documents").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(answers).isNotEmpty().containsOnly(200);
        assertThat(requests.activeName()).isNotEqualTo(databaseBefore);
        assertThat(openHandovers()).containsAll(handovers);

        String after = publishHandover();
        await().atMost(Duration.ofSeconds(30)).until(() -> openHandovers().contains(after));
        JsonNode status = json.readTree(get("/api/read-models/case-service", admin).getBody());
        assertThat(status.findValuesAsText("name")).contains("handover-requests", "partner-directory", "case-files");
    }

    private List<String> openHandovers() throws Exception {
        ResponseEntity<String> list = get("/api/handovers?status=OPEN", lead);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(list.getBody()).findValuesAsText("handoverId");
    }

    private String publishHandover() throws Exception {
        String record = UUID.randomUUID().toString();
        String handoverId = UUID.randomUUID().toString();
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(HandoverToCaseManagement.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", TestTokens.TENANT).put("aggregateId", record);
        ((ObjectNode) envelope.path("data")).put("recordId", record).put("handoverId", handoverId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMMIGRATION, record, json.writeValueAsString(envelope))).get();
        }
        return handoverId;
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), String.class);
    }
}
