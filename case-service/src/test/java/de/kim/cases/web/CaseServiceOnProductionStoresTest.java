package de.kim.cases.web;

import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Topics;
import de.kim.local.TopicReader;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.FollowUpEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * case-service on the production stores: PostgreSQL, a real MongoDB replica set and Kafka, in
 * containers. Where no Docker engine is reachable the class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceOnProductionStoresTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.data.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        // The container's broker has no sign-in: the plain protocol, which KIM_KAFKA_SECURITY_PROTOCOL also chooses.
        registry.add("spring.kafka.security.protocol", () -> "PLAINTEXT");
        TestTokens.registerIssuer(registry);
        String kek = de.kim.platform.privacy.KeyEncryptionKeys.newKeyText("test");
        registry.add("kim.keystore.kek", () -> kek);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    MongoTemplate mongo;

    @Test
    void an_opened_case_is_stored_projected_indexed_and_published_on_the_production_stores() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.postForEntity(CaseServiceIntegrationTest.OPEN_AGAIN,
                new HttpEntity<>(CaseServiceIntegrationTest.VALID_CASE, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(created.getBody()).path("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.getForEntity("/api/cases/" + id, String.class).getStatusCode() == HttpStatus.OK);
        assertThat(TopicReader.find(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()), Topics.CASE, r -> id.equals(r.key()),
                Duration.ofSeconds(30))).isPresent();
        // The case list's queries find their indexes on real MongoDB as on the embedded server.
        assertThat(mongo.indexOps(CaseFile.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("tenant_status_opened", "tenant_opened", "tenant_assignee_status_opened", "tenant_status_case_number", "retention_due");
        assertThat(mongo.indexOps(FollowUpEntry.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("tenant_open_due");
    }
}
