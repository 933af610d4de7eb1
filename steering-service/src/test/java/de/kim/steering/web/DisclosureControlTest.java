package de.kim.steering.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.security.Role;
import de.kim.platform.testing.TestTokens;
import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.Facts.EventFact;
import de.kim.steering.query.Facts.NeedFact;
import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.Facts.ReferralFact;
import de.kim.steering.query.FactsDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure control as an attacker tries it: one town (Wülfrath) with three cases among
 * many, every period (each month, quarter and the year), every town filter, every grouping, the
 * JSON figures and the CSV exports. Every other case exists ten times over, so every count
 * without Wülfrath is a multiple of ten: two published numbers of one figure that differ by 1
 * to 4 would differ by Wülfrath's cases alone, and that is what must never happen. Every case is
 * closed within its year, so that the facts written here change no figure of the years other
 * tests of this service look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureControlTest {

    private static final List<String> TOWNS = List.of("Velbert", "Hilden", "Ratingen");
    private static final List<String> GROUPINGS = List.of("month", "town", "targetGroup", "fieldOfAction", "legalDomain");
    /** The figures that are one set of linked tables, whichever field of the answer shows them. */
    private static final Map<String, String> SAME_TABLES = Map.of("closedByOutcome", "casesClosed",
            "caseload", "casesOpen", "Abschlüsse nach Ergebnis", "Fälle abgeschlossen",
            "Fallbelastung (offene Fälle)", "Fälle offen am Ende des Zeitraums");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    FactsDatabase facts;

    @Test
    void no_combination_of_filters_groupings_periods_and_exports_gives_the_three_cases_of_a_town_away() throws Exception {
        // A tenant the platform knows; 2023 is a year no other test of this service writes for it.
        String tenant = TestTokens.TENANT;
        many(tenant);
        three(tenant);
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        Map<String, Set<Long>> published = new HashMap<>();
        List<String> towns = new ArrayList<>(TOWNS);
        towns.add("Wülfrath");
        for (String[] period : periods()) {
            String p = "from=" + period[0] + "&to=" + period[1];
            for (String grouping : GROUPINGS) {
                JsonNode table = get(headers, "/api/steering/figures?" + p + "&groupBy=" + grouping);
                collectFigures(table, published);
                for (String town : towns) {
                    JsonNode filtered = get(headers, "/api/steering/figures?" + p + "&groupBy=" + grouping + "&town=" + town);
                    collectFigures(filtered, published);
                    if (grouping.equals("town")) {
                        // The filter shows exactly the cell the table by town shows, suppressed alike.
                        table.fields().forEachRemaining(f -> {
                            if (f.getValue().has("groups")) {
                                for (JsonNode g : f.getValue().path("groups")) {
                                    if (g.path("key").asText().equals(town)) {
                                        assertThat(filtered.path(f.getKey()).at("/total/display").asText())
                                                .as(f.getKey() + " " + p + " " + town).isEqualTo(g.at("/value/display").asText());
                                    }
                                }
                            }
                        });
                    }
                    collectCsv(csv(headers, "/api/steering/exports/figures.csv?" + p + "&groupBy=" + grouping + "&town=" + town),
                            published);
                }
                collectCsv(csv(headers, "/api/steering/exports/figures.csv?" + p + "&groupBy=" + grouping), published);
            }
            for (String town : towns) {
                collectFlows(get(headers, "/api/steering/referral-flows?" + p + "&town=" + town), published);
                collectCsv(csv(headers, "/api/steering/exports/referral-flows.csv?" + p + "&town=" + town), published);
            }
            collectFlows(get(headers, "/api/steering/referral-flows?" + p), published);
            collectCsv(csv(headers, "/api/steering/exports/referral-flows.csv?" + p), published);
            collect("themes", get(headers, "/api/steering/themes?" + p), published);
            collectCsv(csv(headers, "/api/steering/exports/themes.csv?" + p), published);
        }
        JsonNode yearly = get(headers, "/api/steering/reports/yearly/2023");
        for (JsonNode section : yearly.path("sections")) {
            collect("yearly:" + section.path("name").asText(), section.path("figure"), published);
        }
        collectFlows(yearly.path("referralFlows"), published);
        collectCsv(csv(headers, "/api/steering/exports/yearly.csv?year=2023"), published);

        assertThat(published).isNotEmpty();
        published.forEach((figure, values) -> {
            for (long value : values) {
                assertThat(value < 1 || value > 4).as(figure + ": a published count of " + value).isTrue();
                for (long other : values) {
                    assertThat(value - other < 1 || value - other > 4).as(figure + ": " + value + " - " + other).isTrue();
                }
            }
        });
    }

    @Test
    void a_free_range_of_months_is_refused_in_german() throws Exception {
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "steuerung-test", Role.STEERING_MEMBER));
        ResponseEntity<String> answer = http.exchange("/api/steering/figures?from=2023-02&to=2023-03", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("Kalendermonat, ein Quartal oder ein Jahr");
    }

    @Test
    void open_cases_at_the_end_of_a_past_year_count_those_closed_since_as_open() throws Exception {
        // The other known tenant, in 2022 and 2023: years no other test writes for it.
        String tenant = TestTokens.OTHER_TENANT;
        // Twelve cases opened in Velbert in 2022: two closed in 2022, six in 2023, four in 2024; none open today.
        for (int i = 0; i < 12; i++) {
            LocalDate closed = i < 2 ? LocalDate.of(2022, 11, 3) : i < 8 ? LocalDate.of(2023, 2, 1) : LocalDate.of(2024, 5, 1);
            facts.template().insert(caseFact(tenant, "Velbert", LocalDate.of(2022, 3, 1 + i), "FAMILIES", closed));
        }
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        JsonNode report = get(headers, "/api/steering/reports/yearly/2022");
        JsonNode openAtYearEnd = null;
        for (JsonNode section : report.path("sections")) {
            if (section.path("name").asText().equals("casesOpenAtYearEnd")) {
                openAtYearEnd = section.path("figure");
            }
        }
        assertThat(openAtYearEnd).isNotNull();
        // On 31.12.2022 ten were open (the ten closed since among them), not the none open today.
        assertThat(openAtYearEnd.at("/total/count").asLong()).isEqualTo(10);
        assertThat(openAtYearEnd.at("/groups/0/label").asText()).isEqualTo("Velbert");
        assertThat(get(headers, "/api/steering/figures?from=2022-01&to=2022-12").at("/casesOpen/total/count").asLong())
                .isEqualTo(10);
    }

    private static List<String[]> periods() {
        List<String[]> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(new String[]{"2023-%02d".formatted(m), "2023-%02d".formatted(m)});
        }
        for (int q = 1; q <= 4; q++) {
            periods.add(new String[]{"2023-%02d".formatted(q * 3 - 2), "2023-%02d".formatted(q * 3)});
        }
        periods.add(new String[]{"2023-01", "2023-12"});
        return periods;
    }

    /** Each of these exists ten times: in three towns, four kinds of case opened across the year. */
    private void many(String tenant) {
        facts.template().insert(partner(tenant));
        for (int copy = 0; copy < 10; copy++) {
            for (int t = 0; t < TOWNS.size(); t++) {
                for (int k = 0; k < 4; k++) {
                    LocalDate opened = LocalDate.of(2023, 1 + 3 * k + t, 5);
                    CaseFact c = caseFact(tenant, TOWNS.get(t), opened, k % 2 == 0 ? "FAMILIES" : "YOUNG_ADULTS",
                            k % 2 == 0 ? opened.plusDays(60) : LocalDate.of(2023, 12, 28));
                    c.legalDomains = List.of(k < 2 ? "SGB_II" : "ASYLBLG");
                    need(c, "LANGUAGE", opened);
                    if (k % 2 == 1) {
                        c.events.add(event(tenant, c, "GoalAchieved", opened.plusDays(30), "LANGUAGE"));
                    }
                    c.events.add(event(tenant, c, "ThemeTagged", opened.plusDays(1), "NO_AFFORDABLE_HOUSING"));
                    facts.template().insert(c);
                    facts.template().insert(referral(tenant, c, opened.plusDays(3), k % 2 == 1 ? "ACCEPTED" : "DECLINED"));
                }
            }
        }
    }

    /** The three cases of Wülfrath: what no published figure may give away. */
    private void three(String tenant) {
        String[] groups = {"FAMILIES", "TOLERATED", "FAMILIES"};
        LocalDate[] days = {LocalDate.of(2023, 2, 10), LocalDate.of(2023, 2, 20), LocalDate.of(2023, 3, 5)};
        String[] answers = {"ACCEPTED", "DECLINED", "MADE"};
        for (int i = 0; i < 3; i++) {
            CaseFact c = caseFact(tenant, "Wülfrath", days[i], groups[i], i == 0 ? LocalDate.of(2023, 3, 20) : LocalDate.of(2023, 12, 28));
            c.legalDomains = List.of("SGB_II");
            need(c, i == 1 ? "HOUSING" : "LANGUAGE", days[i]);
            if (i == 0) {
                c.events.add(event(tenant, c, "GoalAchieved", LocalDate.of(2023, 3, 1), "LANGUAGE"));
            }
            if (i == 1) {
                c.events.add(event(tenant, c, "ThemeTagged", days[i], "OTHER"));
            }
            facts.template().insert(c);
            facts.template().insert(referral(tenant, c, days[i].plusDays(2), answers[i]));
        }
    }

    private static CaseFact caseFact(String tenant, String town, LocalDate opened, String targetGroup, LocalDate closed) {
        CaseFact c = new CaseFact();
        c.caseId = UUID.randomUUID().toString();
        c.id = tenant + ":" + c.caseId;
        c.tenant = tenant;
        c.town = town;
        c.targetGroup = targetGroup;
        c.accessRoute = "SELF";
        c.assignee = "cm-" + town.toLowerCase();
        c.openedOn = opened;
        c.status = closed == null ? "OPEN" : "CLOSED";
        c.closedOn = closed;
        c.outcome = closed == null ? null : "GOALS_REACHED";
        return c;
    }

    private static void need(CaseFact c, String field, LocalDate on) {
        NeedFact n = new NeedFact();
        n.id = c.tenant + ":" + UUID.randomUUID();
        n.tenant = c.tenant;
        n.caseId = c.caseId;
        n.town = c.town;
        n.fieldOfAction = field;
        n.assessedOn = on;
        c.needs.add(n);
    }

    private static EventFact event(String tenant, CaseFact c, String type, LocalDate day, String code) {
        return new EventFact(tenant + ":" + UUID.randomUUID(), tenant, type, day, c.town, code, null);
    }

    private static PartnerFact partner(String tenant) {
        PartnerFact p = new PartnerFact();
        p.id = tenant + ":p-vhs";
        p.tenant = tenant;
        p.partnerId = "p-vhs";
        p.name = "VHS Kreis";
        p.active = true;
        return p;
    }

    private static ReferralFact referral(String tenant, CaseFact c, LocalDate made, String status) {
        ReferralFact r = new ReferralFact();
        r.id = tenant + ":" + UUID.randomUUID();
        r.tenant = tenant;
        r.caseId = c.caseId;
        r.partnerId = "p-vhs";
        r.offerId = "o-1";
        r.fieldOfAction = "LANGUAGE";
        r.town = c.town;
        r.madeOn = made;
        r.status = status;
        r.declineReason = "DECLINED".equals(status) ? "NO_CAPACITY" : null;
        r.answeredOn = "MADE".equals(status) ? null : made.plusDays(4);
        return r;
    }

    private JsonNode get(HttpHeaders headers, String path) throws Exception {
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as(path).doesNotContain("null>", ">null", "\"label\":null");
        return json.readTree(answer.getBody());
    }

    private String csv(HttpHeaders headers, String path) {
        ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        String text = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(text).as(path).doesNotContain("null", "LANGUAGE", "FAMILIES", "SGB_II", "NO_CAPACITY", "OTHER");
        return text;
    }

    /** Every figure of an answer: its total and groups, which add up with the row "nicht ausgewiesen". */
    private void collectFigures(JsonNode answer, Map<String, Set<Long>> published) {
        answer.fields().forEachRemaining(f -> {
            if (f.getValue().has("groups")) {
                collect(SAME_TABLES.getOrDefault(f.getKey(), f.getKey()), f.getValue(), published);
            }
        });
    }

    private void collect(String figure, JsonNode node, Map<String, Set<Long>> published) {
        Set<Long> values = published.computeIfAbsent(figure.replaceFirst("^yearly:.*", "yearly"), k -> new TreeSet<>());
        JsonNode total = node.path("total");
        if (total.path("count").isNumber()) {
            values.add(total.path("count").asLong());
        }
        long sum = 0;
        boolean hidden = false;
        for (JsonNode group : node.path("groups")) {
            assertThat(group.path("label").asText()).as(figure).isNotBlank().doesNotContain("null")
                    .doesNotMatch("[A-Z0-9_+>]+");
            JsonNode count = group.at("/value/count");
            if (count.isNumber()) {
                values.add(count.asLong());
                sum += count.asLong();
            } else {
                hidden = true;
            }
        }
        if (total.path("count").isNumber() && node.path("groups").size() > 0) {
            // The shown groups, "nicht ausgewiesen" included, add up to the total.
            long s = sum;
            assertThat(hidden && !node.toString().contains("SUPPRESSED") ? -1 : s).as(figure + " " + node)
                    .isEqualTo(total.path("count").asLong());
        }
    }

    private void collectFlows(JsonNode flows, Map<String, Set<Long>> published) {
        for (JsonNode flow : flows) {
            Set<Long> values = published.computeIfAbsent("flow:" + flow.path("partnerId").asText() + ":"
                    + flow.path("fieldOfAction").asText(), k -> new TreeSet<>());
            for (String measure : List.of("made", "accepted", "declined", "completed", "withdrawn")) {
                if (flow.at("/" + measure + "/count").isNumber()) {
                    values.add(flow.at("/" + measure + "/count").asLong());
                }
            }
            collect("flow:" + flow.path("partnerId").asText() + ":" + flow.path("fieldOfAction").asText(),
                    flow.path("declineReasons"), published);
        }
    }

    /** The numbers of an export, by the figure (or partner and field) each row belongs to. */
    private static void collectCsv(String csv, Map<String, Set<Long>> published) {
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        boolean flows = lines[0].startsWith("Partner");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";");
            String figure = flows ? "flowcsv:" + cells[0] + ":" + cells[1] : SAME_TABLES.getOrDefault(cells[0], cells[0]);
            if (figure.startsWith("Tage bis")) {
                continue;
            }
            Set<Long> values = published.computeIfAbsent("csv:" + figure, k -> new TreeSet<>());
            for (int c = flows ? 2 : 2; c < cells.length; c++) {
                if (cells[c].matches("\\d+")) {
                    values.add(Long.parseLong(cells[c]));
                }
            }
        }
    }
}
