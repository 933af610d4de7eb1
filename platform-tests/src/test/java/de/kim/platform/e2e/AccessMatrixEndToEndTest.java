package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint × every role × both tenants, through the gateway with real tokens from the
 * auth-server. Each answer is one of: the role may (the service answers, not 401/403/404),
 * the role may not (403), or the data belongs to another tenant, another case manager or
 * another partner (404, exactly as for an id that does not exist). The table must name every
 * endpoint the services' OpenAPI documents list.
 */
class AccessMatrixEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = StartedPlatform.shared();

    enum Role { CM, LEAD, PARTNER, OFFICER, STEERING, ADMIN, NONE }

    static final Map<Role, String> METTMANN = Map.of(Role.CM, "fallmanagement.mettmann", Role.LEAD, "leitung.mettmann",
            Role.PARTNER, "partner.mettmann", Role.OFFICER, "abh.mettmann", Role.STEERING, "steuerung.mettmann",
            Role.ADMIN, "admin.mettmann", Role.NONE, "ohnerolle.mettmann");
    static final Map<Role, String> MUSTERLAND = Map.of(Role.CM, "fallmanagement.musterland",
            Role.LEAD, "leitung.musterland", Role.PARTNER, "partner.musterland", Role.OFFICER, "abh.musterland",
            Role.STEERING, "steuerung.musterland", Role.ADMIN, "admin.musterland");

    /** method, path (placeholders filled from Kreis Mettmann's data), roles that may, whether a 200 is due. */
    record Endpoint(String method, String path, Set<Role> may, boolean readsOneRecord) {
    }

    static final Set<Role> CASE_MANAGEMENT = Set.of(Role.CM, Role.LEAD);
    static final List<Endpoint> ENDPOINTS = List.of(
            write("POST", "/api/cases", CASE_MANAGEMENT),
            write("PUT", "/api/cases/{case}/client", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/contacts", CASE_MANAGEMENT),
            read("GET", "/api/work-basket", CASE_MANAGEMENT),
            write("POST", "/api/work-basket/unknown/done", CASE_MANAGEMENT),
            read("GET", "/api/cases", CASE_MANAGEMENT),
            one("/api/cases/{case}", CASE_MANAGEMENT),
            one("/api/cases/{case}/history", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/consents", CASE_MANAGEMENT),
            write("DELETE", "/api/cases/{case}/consents/unknown", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/needs", CASE_MANAGEMENT),
            write("PUT", "/api/cases/{case}/needs/unknown", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/needs/unknown/resolution", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/needs/unknown/entrusted", CASE_MANAGEMENT),
            write("PUT", "/api/cases/{case}/plan", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/plan/goals/unknown/achievement", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/plan/goals/unknown/drop", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/referrals", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/referrals/unknown/withdrawal", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/measures", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/measures/unknown/confirmation", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/measures/unknown/withdrawal", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/legal-domains", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/follow-ups", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/follow-ups/unknown/completion", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/themes", CASE_MANAGEMENT),
            write("PUT", "/api/cases/{case}/residence-record", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/achievements", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/status-check", CASE_MANAGEMENT),
            read("GET", "/api/cases/{case}/status-checks/unknown", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/handover", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/closure", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/reopening", CASE_MANAGEMENT),
            write("POST", "/api/cases/{case}/erasure", Set.of(Role.LEAD)),
            write("PUT", "/api/cases/{case}/legal-hold", Set.of(Role.LEAD)),
            write("PUT", "/api/cases/{case}/dispute", CASE_MANAGEMENT),
            one("/api/cases/{case}/self-disclosure", CASE_MANAGEMENT),
            read("GET", "/api/audit/case-service", Set.of(Role.ADMIN)),
            read("GET", "/api/audit/case-service/disclosure", Set.of(Role.CM, Role.LEAD, Role.ADMIN)),
            read("GET", "/api/handovers", CASE_MANAGEMENT),
            read("GET", "/api/staff", CASE_MANAGEMENT),
            read("GET", "/api/follow-ups", CASE_MANAGEMENT),

            write("POST", "/api/partners", Set.of(Role.ADMIN, Role.LEAD)),
            write("PUT", "/api/partners/{partner}", Set.of(Role.ADMIN, Role.LEAD)),
            write("POST", "/api/partners/{partner}/deactivation", Set.of(Role.ADMIN, Role.LEAD)),
            read("GET", "/api/partners", Set.of(Role.CM, Role.LEAD, Role.PARTNER, Role.ADMIN)),
            one("/api/partners/{partner}", Set.of(Role.CM, Role.LEAD, Role.PARTNER, Role.ADMIN)),
            write("POST", "/api/partners/{partner}/offers", Set.of(Role.ADMIN, Role.PARTNER)),
            write("PUT", "/api/partners/{partner}/offers/{offer}/capacity", Set.of(Role.ADMIN, Role.PARTNER)),
            write("POST", "/api/partners/{partner}/offers/unknown/withdrawal", Set.of(Role.ADMIN, Role.PARTNER)),
            read("GET", "/api/offers", Set.of(Role.CM, Role.LEAD, Role.PARTNER, Role.ADMIN)),
            one("/api/offers/{offer}", Set.of(Role.CM, Role.LEAD, Role.PARTNER, Role.ADMIN)),
            one("/api/partners/{partner}/referrals", Set.of(Role.PARTNER)),
            one("/api/referrals/{referral}", Set.of(Role.PARTNER)),
            write("POST", "/api/referrals/{referral}/accept", Set.of(Role.PARTNER)),
            write("POST", "/api/referrals/{referral}/decline", Set.of(Role.PARTNER)),
            write("POST", "/api/referrals/{referral}/complete", Set.of(Role.PARTNER)),
            read("GET", "/api/audit/partner-service", Set.of(Role.ADMIN)),
            read("GET", "/api/audit/partner-service/disclosure", Set.of(Role.CM, Role.LEAD, Role.ADMIN)),

            write("POST", "/api/residence-records", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records", Set.of(Role.OFFICER)),
            read("GET", "/api/officers", Set.of(Role.OFFICER)),
            one("/api/residence-records/{record}", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/statuses", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records/{record}/statuses/unknown", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/achievements", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records/{record}/achievements/unknown", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/handover", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records/{record}/handovers/unknown", Set.of(Role.OFFICER)),
            write("PUT", "/api/residence-records/{record}/officer", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records/{record}/status-checks/unknown", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/status-checks/unknown/completion", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/case-links/unknown/confirmation", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/case-links/unknown/refusal", Set.of(Role.OFFICER)),
            read("GET", "/api/residence-records/work-list", Set.of(Role.OFFICER)),
            one("/api/residence-records/{record}/pathways", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/closure", Set.of(Role.OFFICER)),
            write("PUT", "/api/residence-records/{record}/legal-hold", Set.of(Role.OFFICER)),
            write("POST", "/api/residence-records/{record}/erasure", Set.of(Role.OFFICER)),
            read("GET", "/api/pathway-candidates", Set.of(Role.OFFICER)),
            // The candidates' names leave in these files: for the officer only.
            read("GET", "/api/pathway-candidates/export.csv", Set.of(Role.OFFICER)),
            read("GET", "/api/pathway-candidates/export.xlsx", Set.of(Role.OFFICER)),
            read("GET", "/api/rule-sets", Set.of(Role.OFFICER, Role.CM, Role.LEAD, Role.ADMIN)),
            read("GET", "/api/audit/immigration-office-service", Set.of(Role.ADMIN)),
            read("GET", "/api/audit/immigration-office-service/disclosure", Set.of(Role.CM, Role.LEAD, Role.ADMIN)),

            read("GET", "/api/steering/figures", Set.of(Role.STEERING)),
            read("GET", "/api/steering/referral-flows", Set.of(Role.STEERING)),
            read("GET", "/api/steering/gaps", Set.of(Role.STEERING)),
            read("GET", "/api/steering/status-progressions", Set.of(Role.STEERING)),
            read("GET", "/api/steering/themes", Set.of(Role.STEERING)),
            read("GET", "/api/steering/action-plan", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/goals", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/goals/unknown/measures", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/action-plan/goals/unknown/measures/unknown/status", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/goals/unknown/indicators", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/decisions", Set.of(Role.STEERING)),
            read("GET", "/api/steering/reports/yearly/2026", Set.of(Role.STEERING)),
            read("GET", "/api/steering/reports/land/2026", Set.of(Role.STEERING)),
            read("GET", "/api/steering/reports/land/2026.csv", Set.of(Role.STEERING)),
            read("GET", "/api/steering/reports/land/2026.xlsx", Set.of(Role.STEERING)),
            read("GET", "/api/steering/exports/figures.csv", Set.of(Role.STEERING)),
            read("GET", "/api/steering/exports/figures.xlsx", Set.of(Role.STEERING)),
            read("GET", "/api/steering/action-plan/versions", Set.of(Role.STEERING)),
            read("GET", "/api/steering/action-plan/versions/unknown", Set.of(Role.STEERING)),
            read("GET", "/api/steering/counselling", Set.of(Role.STEERING)),
            read("GET", "/api/steering/decisions", Set.of(Role.STEERING)),
            read("GET", "/api/steering/decisions/unknown", Set.of(Role.STEERING)),
            read("GET", "/api/steering/groups", Set.of(Role.STEERING)),
            read("GET", "/api/steering/groups/unknown", Set.of(Role.STEERING)),
            read("GET", "/api/steering/groups/unknown/meetings/unknown", Set.of(Role.STEERING)),
            read("GET", "/api/steering/meetings", Set.of(Role.STEERING)),
            read("GET", "/api/steering/tasks", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/goals/unknown/indicators/unknown/retirement", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/goals/unknown/retirement", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/versions", Set.of(Role.STEERING)),
            write("POST", "/api/steering/action-plan/versions/unknown/adoption", Set.of(Role.STEERING)),
            write("POST", "/api/steering/groups", Set.of(Role.STEERING)),
            write("POST", "/api/steering/groups/unknown/meetings", Set.of(Role.STEERING)),
            write("POST", "/api/steering/groups/unknown/meetings/unknown/decisions", Set.of(Role.STEERING)),
            write("POST", "/api/steering/groups/unknown/members", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/groups/unknown/members/unknown", Set.of(Role.STEERING)),
            write("DELETE", "/api/steering/groups/unknown/members/unknown", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/action-plan/goals/unknown", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/action-plan/goals/unknown/indicators/unknown", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/groups/unknown/meetings/unknown/agenda/unknown/minutes", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/groups/unknown/meetings/unknown/attendance", Set.of(Role.STEERING)),
            write("PUT", "/api/steering/groups/unknown/tasks/unknown/done", Set.of(Role.STEERING)),
            write("POST", "/api/steering/rebuild", Set.of(Role.ADMIN)),
            // The read models of each service: their status, and a rebuild (of one no service has: nothing is rebuilt here).
            read("GET", "/api/read-models/case-service", Set.of(Role.ADMIN)),
            write("POST", "/api/read-models/case-service/unknown/rebuild", Set.of(Role.ADMIN)),
            read("GET", "/api/read-models/partner-service", Set.of(Role.ADMIN)),
            write("POST", "/api/read-models/partner-service/unknown/rebuild", Set.of(Role.ADMIN)),
            read("GET", "/api/read-models/immigration-office-service", Set.of(Role.ADMIN)),
            write("POST", "/api/read-models/immigration-office-service/unknown/rebuild", Set.of(Role.ADMIN)),
            read("GET", "/api/read-models/steering-service", Set.of(Role.ADMIN)),
            write("POST", "/api/read-models/steering-service/unknown/rebuild", Set.of(Role.ADMIN)));

    static final Map<String, String> IDS = new LinkedHashMap<>();
    static String otherCase;
    static String otherPartner;

    @BeforeAll
    static void kreisMettmannHasDataOfEveryKind() {
        Gateway lead = PLATFORM.as(METTMANN.get(Role.LEAD));
        Gateway admin = PLATFORM.as(METTMANN.get(Role.ADMIN));
        assertThat(admin.put("/api/partners/demo-partner-mettmann", partner("VHS Velbert")).statusCode()).isIn(201, 204);
        IDS.put("partner", "demo-partner-mettmann");
        otherPartner = id(admin.post("/api/partners", partner("Caritas Velbert")));
        IDS.put("offer", id(PLATFORM.as(METTMANN.get(Role.PARTNER)).post("/api/partners/demo-partner-mettmann/offers",
                "{\"title\":\"Deutsch B1\",\"fieldOfAction\":\"LANGUAGE\",\"languages\":[\"de\"],\"town\":\"Velbert\",\"capacity\":3}")));
        // The same invented person twice, for two case managers: the second opening confirms the duplicate warning.
        IDS.put("case", id(lead.post("/api/cases?confirmDuplicate=true", openCase(METTMANN.get(Role.CM)))));
        otherCase = id(lead.post("/api/cases?confirmDuplicate=true", openCase("fallmanagement2.mettmann")));
        String cases = "/api/cases/" + IDS.get("case");
        id(lead.post(cases + "/consents", """
                {"recipient":"demo-partner-mettmann","purposes":["REFERRAL"],"dataCategories":["IDENTITY","CONTACT"],
                 "form":"WRITTEN","givenOn":"2026-01-10","validUntil":"2027-12-31","evidenceReference":"Akte 1"}"""));
        String need = id(lead.post(cases + "/needs", "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\"}"));
        // case-service learns of the offer from partner-service's topic: until then the referral is refused (422).
        String referral = "{\"needId\":\"%s\",\"partnerId\":\"demo-partner-mettmann\",\"offerId\":\"%s\"}"
                .formatted(need, IDS.get("offer"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> made = lead.post(cases + "/referrals", referral);
            assertThat(made.statusCode()).as(made.body()).isIn(201, 422);
            if (made.statusCode() == 201) {
                IDS.put("referral", id(made));
            }
            return made.statusCode() == 201;
        });
        IDS.put("record", id(PLATFORM.as(METTMANN.get(Role.OFFICER)).post("/api/residence-records",
                "{\"familyName\":\"Testperson\",\"givenName\":\"Erika\",\"fileNumber\":\"ABH-T 1\",\"dateOfBirth\":\"1991-02-17\",\"nationality\":\"AFG\",\"entryDate\":\"2016-05-02\",\"minorChildInHousehold\":false}")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                PLATFORM.as(METTMANN.get(Role.PARTNER)).get("/api/referrals/" + IDS.get("referral")).statusCode() == 200
                        && PLATFORM.as(METTMANN.get(Role.CM)).get(cases).statusCode() == 200
                        && lead.get("/api/cases/" + otherCase).statusCode() == 200
                        && PLATFORM.as(METTMANN.get(Role.OFFICER)).get("/api/residence-records/" + IDS.get("record")).statusCode() == 200
                        && PLATFORM.as(METTMANN.get(Role.CM)).get("/api/offers/" + IDS.get("offer")).statusCode() == 200);
        // Kreis Musterland has its own partner for its partner staff.
        assertThat(PLATFORM.as(MUSTERLAND.get(Role.ADMIN)).put("/api/partners/demo-partner-musterland",
                partner("VHS Musterstadt").replace("Velbert", "Musterstadt")).statusCode()).isIn(201, 204);
    }

    @Test
    void every_endpoint_answers_every_role_of_both_tenants_as_the_table_says() {
        List<Call> refused = new ArrayList<>();
        List<Call> served = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                String own = expectationForOwnTenant(endpoint, role);
                (own.equals("403") ? refused : served).add(new Call(endpoint, METTMANN.get(role), "kreis-mettmann " + role, own));
                if (MUSTERLAND.containsKey(role)) {
                    refused.add(new Call(endpoint, MUSTERLAND.get(role), "kreis-musterland " + role,
                            expectationForOtherTenant(endpoint, role)));
                }
            }
        }
        String caseFileBefore = PLATFORM.as(METTMANN.get(Role.LEAD)).get("/api/cases/" + IDS.get("case")).body();
        List<String> wrong = new ArrayList<>();
        refused.forEach(call -> call.check(wrong));
        // What other tenants and roles without permission sent changed nothing in Kreis Mettmann's case.
        assertThat(PLATFORM.as(METTMANN.get(Role.LEAD)).get("/api/cases/" + IDS.get("case")).body()).isEqualTo(caseFileBefore);
        served.forEach(call -> call.check(wrong));
        System.out.println("access matrix: " + ENDPOINTS.size() + " endpoints, " + (refused.size() + served.size()) + " requests");
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    /** One request of the matrix and the answer the table expects. */
    record Call(Endpoint endpoint, String user, String who, String expected) {
        void check(List<String> wrong) {
            int status = send(user, endpoint.method(), fill(endpoint.path()));
            boolean ok = switch (expected) {
                case "403" -> status == 403;
                case "404" -> status == 404;
                case "200" -> status == 200;
                case "served" -> status != 401 && status != 403 && status < 500;
                case "refused" -> status == 400 || status == 403 || status == 404 || status == 409 || status == 422;
                default -> false;
            };
            if (!ok) {
                wrong.add(endpoint.method() + " " + endpoint.path() + " as " + who + ": " + status + ", expected " + expected);
            }
        }
    }

    @Test
    void a_case_manager_sees_only_their_cases_and_partner_staff_only_their_partner() {
        Gateway caseManager = PLATFORM.as(METTMANN.get(Role.CM));
        assertThat(caseManager.get("/api/cases/" + otherCase).statusCode()).isEqualTo(404);
        assertThat(caseManager.post("/api/cases/" + otherCase + "/themes", "{\"freeText\":\"Wohnung\"}").statusCode())
                .isEqualTo(404);
        // The list and its search, by the beginning of the name, show a case manager their own case only.
        String search = "/api/cases?size=200&q=nora+erfun";
        assertThat(caseManager.get(search).body()).contains(IDS.get("case")).doesNotContain(otherCase);
        assertThat(PLATFORM.as(METTMANN.get(Role.LEAD)).get(search).body()).contains(IDS.get("case"), otherCase);
        assertThat(PLATFORM.as(MUSTERLAND.get(Role.LEAD)).get(search).body()).contains("\"total\":0");

        Gateway partnerStaff = PLATFORM.as(METTMANN.get(Role.PARTNER));
        assertThat(partnerStaff.get("/api/partners/" + otherPartner + "/referrals").statusCode()).isEqualTo(404);
        assertThat(partnerStaff.post("/api/partners/" + otherPartner + "/offers",
                "{\"title\":\"Fremd\",\"fieldOfAction\":\"LANGUAGE\",\"town\":\"Velbert\",\"capacity\":1}").statusCode())
                .isEqualTo(404);
        assertThat(PLATFORM.as(MUSTERLAND.get(Role.PARTNER)).get("/api/referrals/" + IDS.get("referral")).statusCode())
                .isEqualTo(404);
        // Lists of another tenant never show Kreis Mettmann's records (the largest page: the whole list here).
        for (String list : List.of("/api/cases", "/api/partners", "/api/offers", "/api/handovers")) {
            String answer = PLATFORM.as(MUSTERLAND.get(Role.LEAD)).get(list + "?size=200").body();
            assertThat(answer).as(list).contains("\"items\"");
            assertThat(answer).as(list).doesNotContain(IDS.get("case"), IDS.get("offer"), "demo-partner-mettmann");
        }
        assertThat(PLATFORM.as(MUSTERLAND.get(Role.OFFICER)).get("/api/residence-records?expiringWithinDays=3650").body())
                .doesNotContain(IDS.get("record"));
    }

    @Test
    void the_table_names_every_endpoint_of_every_service() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String service : List.of("case-service", "partner-service", "immigration-office-service", "steering-service")) {
            JsonNode paths = Gateway.json(PLATFORM.gateway().get("/v3/api-docs/" + service)).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method ->
                        documented.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "*")));
            }
        }
        Set<String> inTable = new TreeSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            inTable.add(endpoint.method() + " " + endpoint.path().replaceAll("\\{[^}]+}", "*")
                    .replace("unknown", "*").replace("/2026", "/*").replace("figures.csv", "*.csv").replace("figures.xlsx", "*.xlsx")
                    // One endpoint marks a need, a measure or an achievement as entrusted.
                    .replace("/needs/*/entrusted", "/*/*/entrusted"));
        }
        assertThat(inTable).containsAll(documented);
    }

    private static String expectationForOwnTenant(Endpoint endpoint, Role role) {
        if (role == Role.NONE || !endpoint.may().contains(role)) {
            return "403";
        }
        return endpoint.readsOneRecord() ? "200" : "served";
    }

    /** Another tenant's ids: 404 wherever the role may use the endpoint at all; lists are their own tenant's. */
    private static String expectationForOtherTenant(Endpoint endpoint, Role role) {
        if (!endpoint.may().contains(role)) {
            return "403";
        }
        if (endpoint.readsOneRecord()) {
            return "404";
        }
        return endpoint.path().contains("{") ? "refused" : "served";
    }

    private static int send(String user, String method, String path) {
        Gateway gateway = PLATFORM.as(user);
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        HttpRequest.Builder request = gateway.request(path).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = gateway.send(request.build());
        return answer.statusCode();
    }

    private static String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    private static Endpoint write(String method, String path, Set<Role> may) {
        return new Endpoint(method, path, may, false);
    }

    private static Endpoint read(String method, String path, Set<Role> may) {
        return new Endpoint(method, path, may, false);
    }

    private static Endpoint one(String path, Set<Role> may) {
        return new Endpoint("GET", path, may, true);
    }

    private static String partner(String name) {
        return """
                {"name":"%s","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],"fieldsOfAction":["LANGUAGE"],
                 "towns":["Velbert"],"agreement":{"signedOn":"2025-01-15"}}""".formatted(name);
    }

    private static String openCase(String assignee) {
        return """
                {"client":{"givenName":"Nora","familyName":"Erfunden","dateOfBirth":"1994-06-01","nationality":"ERI",
                 "languages":["ti"],"town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"%s"}"""
                .formatted(assignee);
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Gateway.json(created).path("id").asText();
    }
}
