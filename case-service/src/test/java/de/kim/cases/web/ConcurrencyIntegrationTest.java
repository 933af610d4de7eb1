package de.kim.cases.web;

import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Topics;
import de.kim.local.EmbeddedInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once, on the real event store: conflicting changes of one case, and many
 * cases opened in parallel while the Kafka publisher tracks the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
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
    JdbcTemplate jdbc;

    @Test
    void fifty_changes_on_the_same_version_let_one_through_and_refuse_the_rest_with_409() throws Exception {
        String caseId = open();
        List<Integer> statuses = inParallel(50, i -> post("/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\"}", "\"0\"").getStatusCode().value());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(sequences(caseId)).containsExactly(0L, 1L);
    }

    @Test
    void fifty_parallel_changes_without_a_version_all_land_in_order_without_gaps_or_doubles() throws Exception {
        String caseId = open();
        List<Integer> statuses = inParallel(50, i -> post("/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"HOUSING\",\"priority\":\"LOW\"}", null).getStatusCode().value());
        assertThat(statuses).containsOnly(201);
        List<Long> sequences = sequences(caseId);
        assertThat(sequences).hasSize(51);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    @Test
    void cases_opened_by_many_writers_at_once_all_reach_kafka_none_skipped() throws Exception {
        Set<String> opened = ConcurrentHashMap.newKeySet();
        inParallel(200, i -> opened.add(open()));
        assertThat(opened).hasSize(200);
        Set<String> published = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readAsAdmin(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!published.containsAll(opened) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (opened.contains(record.key()) && record.value().contains("kim.case.CaseOpened")) {
                        published.add(record.key());
                    }
                }
            }
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(opened);
    }

    /** A reader of case-service's topic from its start, signed in as the admin of the test broker. */
    private static Map<String, Object> readAsAdmin() {
        Map<String, Object> config = new java.util.HashMap<>(EmbeddedInfra.shared().kafka().adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private String open() throws Exception {
        ResponseEntity<String> created = post(CaseServiceIntegrationTest.OPEN_AGAIN, CaseServiceIntegrationTest.VALID_CASE, null);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return json.readTree(created.getBody()).path("id").asText();
    }

    private List<Long> sequences(String caseId) {
        return jdbc.queryForList("select sequencenumber from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", Long.class, caseId);
    }

    private ResponseEntity<String> post(String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /** Runs the task n times on 16 threads, released together. */
    private static <T> List<T> inParallel(int n, ThrowingFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface ThrowingFunction<T> {
        T apply(int index) throws Exception;
    }
}
