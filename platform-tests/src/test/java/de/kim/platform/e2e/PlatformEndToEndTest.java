package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;



/**
 * The whole platform as {@code ./kim start} runs it: Kafka broker, Mongo-wire server, four
 * services and the gateway as separate processes, on free ports and a data directory of
 * its own. Every request goes through the gateway, as a front end's would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE) // last of all classes: it stops and starts Kafka on the shared platform
class PlatformEndToEndTest {

    /** An invented person opened again and again: each opening confirms the duplicate warning. */
    static final String CASE = """
            {"client":{"givenName":"Jonas","familyName":"Erfunden","dateOfBirth":"2001-02-03","nationality":"UKR",
             "languages":["uk"],"town":"Hilden"},"targetGroup":"YOUNG_ADULTS","accessRoute":"SCHOOL","assignee":"cm-ben",
             "confirmDuplicate":true}""";

    @RegisterExtension
    static final StartedPlatform PLATFORM = StartedPlatform.shared();
    static final ObjectMapper json = Gateway.JSON;
    static String firstCaseId;
    /** What steering counted before this class opened its cases: the shared platform serves other classes too. */
    static long before;

    @Test
    @Order(1)
    void every_gateway_route_reaches_the_service_that_owns_it() throws Exception {
        for (String service : List.of("case-service", "partner-service", "immigration-office-service", "steering-service")) {
            HttpResponse<String> docs = PLATFORM.gateway().get("/v3/api-docs/" + service);
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            assertThat(json.readTree(docs.body()).at("/info/title").asText()).isEqualTo("KIM " + service);
        }
        Map<String, String> userByPath = Map.of("/api/cases", "leitung.mettmann", "/api/follow-ups", "leitung.mettmann",
                "/api/partners", "admin.mettmann", "/api/offers", "fallmanagement.mettmann",
                "/api/residence-records?expiringWithinDays=30", "abh.mettmann", "/api/rule-sets", "abh.mettmann",
                "/api/steering/figures", "steuerung.mettmann");
        userByPath.forEach((path, user) ->
                assertThat(PLATFORM.as(user).get(path).statusCode()).as(path).isEqualTo(200));
        assertThat(PLATFORM.as("abh.mettmann").get("/api/rule-sets").body()).contains("25b");
        // An unknown referral is answered by partner-service with its own problem, not by the gateway.
        HttpResponse<String> unknown = PLATFORM.as("partner.mettmann").get("/api/referrals/no-such-referral");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("detail").asText()).isEqualTo("Diese Verweisung gibt es nicht.");
        assertThat(PLATFORM.gateway().get("/actuator/health").body()).contains("\"UP\"");
        // Each service's own health, as an operator asks it: every part (event store, read models, Mongo) up.
        de.kim.local.Ports ports = PLATFORM.platform().ports();
        for (int port : List.of(ports.caseService(), ports.partnerService(), ports.immigrationOfficeService(),
                ports.steeringService())) {
            HttpResponse<String> health = new Gateway(port).get("/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("status").asText()).as(health.body()).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void cases_opened_through_the_gateway_show_in_the_steering_figures() throws Exception {
        if (casesOpened() < 0) {
            // From one to four cases the figure shows "<5" only: five more make it a number to count from.
            for (int i = 0; i < 5; i++) {
                assertThat(post("/api/cases", CASE).statusCode()).isEqualTo(201);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> casesOpened() >= 0);
        Thread.sleep(1500);
        before = casesOpened();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> created = post("/api/cases", CASE);
            assertThat(created.statusCode()).isEqualTo(201);
            String id = json.readTree(created.body()).path("id").asText();
            assertThat(created.headers().firstValue("Location")).hasValue(PLATFORM.gateway().base() + "/api/cases/" + id);
            firstCaseId = firstCaseId == null ? id : firstCaseId;
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(casesOpened()).isEqualTo(before + 6));
        HttpResponse<String> file = get("/api/cases/" + firstCaseId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(json.readTree(file.body()).at("/client/familyName").asText()).isEqualTo("Erfunden");
    }

    @Test
    @Order(3)
    void bad_input_through_the_gateway_gets_problem_details_and_changes_nothing() throws Exception {
        HttpResponse<String> missing = post("/api/cases", CASE.replace("\"town\":\"Hilden\"", "\"town\":\"\""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(missing.body()).at("/errors/0/field").asText()).isEqualTo("client.town");
        assertThat(post("/api/cases", "{not json").statusCode()).isEqualTo(400);
        Thread.sleep(1500);
        assertThat(casesOpened()).isEqualTo(before + 6);
    }

    @Test
    @Order(4)
    void a_case_opened_while_kafka_is_down_reaches_steering_once_kafka_is_back() throws Exception {
        PLATFORM.platform().stop("kafka", false);
        HttpResponse<String> accepted = post("/api/cases", CASE);
        assertThat(accepted.statusCode()).isEqualTo(201);
        Thread.sleep(3000);
        assertThat(casesOpened()).isEqualTo(before + 6);

        PLATFORM.platform().startAndAwait(List.of("kafka"), StartedPlatform.quiet());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(casesOpened()).isEqualTo(before + 7));
    }

    private static long casesOpened() throws Exception {
        JsonNode figures = json.readTree(PLATFORM.as("steuerung.mettmann").get("/api/steering/figures").body());
        return figures.at("/casesOpened/total/count").asLong(-1);
    }


    /** Case files as the case management lead sees them. */
    private static HttpResponse<String> get(String path) {
        return PLATFORM.as("leitung.mettmann").get(path);
    }

    private static HttpResponse<String> post(String path, String body) {
        return PLATFORM.as("leitung.mettmann").post(path, body);
    }

}
