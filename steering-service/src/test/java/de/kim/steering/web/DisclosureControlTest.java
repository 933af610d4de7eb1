package de.kim.steering.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
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
import java.time.YearMonth;
import java.util.ArrayList;
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
    private static final List<String> GROUPINGS = List.of("month", "town", "targetGroup", "accessRoute", "fieldOfAction",
            "legalDomain");
    /** The figures that are one set of linked tables, whichever field of the answer shows them. */
    private static final Map<String, String> SAME_TABLES = Map.of("closedByOutcome", "casesClosed",
            "caseload", "casesOpen");

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
        List<Published> published = new ArrayList<>();
        List<String> towns = new ArrayList<>(TOWNS);
        towns.add("Wülfrath");
        List<String> townFilters = new ArrayList<>(towns);
        townFilters.add(null);
        for (String[] period : periods()) {
            String p = "from=" + period[0] + "&to=" + period[1];
            Set<YearMonth> months = months(period);
            for (String grouping : GROUPINGS) {
                JsonNode table = get(headers, "/api/steering/figures?" + p + "&groupBy=" + grouping);
                for (String town : townFilters) {
                    String query = p + "&groupBy=" + grouping + (town == null ? "" : "&town=" + town);
                    JsonNode answer = get(headers, "/api/steering/figures?" + query);
                    List<Published> numbers = figures(answer, months, town, grouping);
                    published.addAll(numbers);
                    assertCsvShowsNoOtherNumber(csv(headers, "/api/steering/exports/figures.csv?" + query), numbers, query);
                    if (town != null && grouping.equals("town")) {
                        // The filter shows exactly the cell the table by town shows, suppressed alike.
                        table.fields().forEachRemaining(f -> {
                            for (JsonNode g : f.getValue().path("groups")) {
                                if (g.path("key").asText().equals(town)) {
                                    assertThat(answer.path(f.getKey()).at("/total/display").asText())
                                            .as(f.getKey() + " " + p + " " + town).isEqualTo(g.at("/value/display").asText());
                                }
                            }
                        });
                    }
                }
            }
            for (String town : townFilters) {
                String query = p + (town == null ? "" : "&town=" + town);
                List<Published> numbers = flows(get(headers, "/api/steering/referral-flows?" + query), months, town);
                published.addAll(numbers);
                assertCsvShowsNoOtherNumber(csv(headers, "/api/steering/exports/referral-flows.csv?" + query), numbers, query);
            }
            List<Published> themes = figure("themes", get(headers, "/api/steering/themes?" + p), months, null, "THEME");
            published.addAll(themes);
            assertCsvShowsNoOtherNumber(csv(headers, "/api/steering/exports/themes.csv?" + p), themes, p);
        }
        JsonNode yearly = get(headers, "/api/steering/reports/yearly/2023");
        Set<YearMonth> year = months(new String[]{"2023-01", "2023-12"});
        List<Published> report = new ArrayList<>();
        for (JsonNode section : yearly.path("sections")) {
            String[] figureAndGrouping = SECTIONS.getOrDefault(section.path("name").asText(),
                    new String[]{section.path("name").asText(), "SECTION"});
            report.addAll(figure(figureAndGrouping[0], section.path("figure"), year, null, figureAndGrouping[1]));
        }
        report.addAll(flows(yearly.path("referralFlows"), year, null));
        published.addAll(report);
        assertCsvShowsNoOtherNumber(csv(headers, "/api/steering/exports/yearly.csv?year=2023"), report, "yearly");
        JsonNode land = get(headers, "/api/steering/reports/land/2023");
        published.addAll(LandReportFiles.published(land, year, this::figure));
        LandReportFiles.assertFilesShowTheReport(land, csv(headers, "/api/steering/reports/land/2023.csv"),
                xlsx(headers, "/api/steering/reports/land/2023.xlsx"));

        assertThat(published).hasSizeGreaterThan(1000);
        for (Published x : published) {
            assertThat(x.value() < 1 || x.value() > 4).as("a published count: " + x).isTrue();
            for (Published y : published) {
                if (x.contains(y)) {
                    assertThat(x.value() - y.value() < 1 || x.value() - y.value() > 4).as(x + " minus " + y).isTrue();
                }
            }
        }
    }

    /** A published count and what it counts: a figure, in some months, of a town (or all), in a group (or all). */
    record Published(String figure, Set<YearMonth> months, String town, String dimension, String group, long value) {
        /** Whether everything {@code other} counts is counted here too, so that the difference is a count of its own. */
        boolean contains(Published other) {
            if ("SUPPRESSED".equals(group) || "SUPPRESSED".equals(other.group)) {
                // The row "nicht ausgewiesen" holds the hidden groups of its own table: it lies within that total only.
                return figure.equals(other.figure) && dimension == null && "SUPPRESSED".equals(other.group)
                        && months.equals(other.months) && java.util.Objects.equals(town, other.town);
            }
            if (figure.equals("casesOpen") && figure.equals(other.figure) && !months.equals(other.months)) {
                // Open cases at two month ends: compared cell by cell (what opened and closed between); the rows
                // "nicht ausgewiesen" may hold other groups at each end (a limit, see ARCHITECTURE).
                return !equals(other) && !"SUPPRESSED".equals(group) && java.util.Objects.equals(town, other.town)
                        && java.util.Objects.equals(dimension, other.dimension) && java.util.Objects.equals(group, other.group);
            }
            return figure.equals(other.figure) && !equals(other) && months.containsAll(other.months)
                    && (town == null || town.equals(other.town))
                    && (dimension == null || dimension.equals(other.dimension)
                    && ("flow".equals(dimension) ? other.group.startsWith(group) : group.equals(other.group)));
        }
    }

    /** The yearly report's sections: which figure each shows, grouped how. */
    private static final Map<String, String[]> SECTIONS = Map.of(
            "casesOpenedByMonth", new String[]{"casesOpened", "month"},
            "casesOpenedByTown", new String[]{"casesOpened", "town"},
            "casesOpenedByTargetGroup", new String[]{"casesOpened", "targetGroup"},
            "casesClosedByOutcome", new String[]{"casesClosed", "OUTCOME"},
            "casesOpenAtYearEnd", new String[]{"casesOpen", "town"},
            "needsByField", new String[]{"needsAssessed", "fieldOfAction"},
            "goalsReachedByField", new String[]{"goalsReached", "fieldOfAction"},
            "doubleFundingWarnings", new String[]{"doubleFundingWarnings", "month"},
            "legalDomainChanges", new String[]{"legalDomainChanges", "legalDomain"},
            "themes", new String[]{"themes", "THEME"});

    private static Set<YearMonth> months(String[] period) {
        Set<YearMonth> months = new java.util.HashSet<>();
        for (YearMonth m = YearMonth.parse(period[0]); !m.isAfter(YearMonth.parse(period[1])); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
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
            facts.store().insertIfAbsent(caseFact(tenant, "Velbert", LocalDate.of(2022, 3, 1 + i), "FAMILIES", closed));
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
                    facts.store().insertIfAbsent(c);
                    facts.store().insertIfAbsent(referral(tenant, c, opened.plusDays(3), k % 2 == 1 ? "ACCEPTED" : "DECLINED"));
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
            facts.store().insertIfAbsent(c);
            facts.store().insertIfAbsent(referral(tenant, c, days[i].plusDays(2), answers[i]));
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

    private byte[] xlsx(HttpHeaders headers, String path) {
        ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Every figure of an answer, in one grouping. */
    private List<Published> figures(JsonNode answer, Set<YearMonth> months, String town, String grouping) {
        List<Published> numbers = new ArrayList<>();
        answer.fields().forEachRemaining(f -> {
            if (f.getValue().has("groups")) {
                String dimension = f.getKey().equals("closedByOutcome") ? "OUTCOME"
                        : f.getKey().equals("caseload") ? "town" : grouping;
                numbers.addAll(figure(SAME_TABLES.getOrDefault(f.getKey(), f.getKey()), f.getValue(), months, town, dimension));
            }
        });
        return numbers;
    }

    /** A figure's total and groups, which add up with the row "nicht ausgewiesen"; every group in words. */
    List<Published> figure(String figure, JsonNode node, Set<YearMonth> months, String town, String dimension) {
        List<Published> numbers = new ArrayList<>();
        JsonNode total = node.path("total");
        if (total.path("count").isNumber()) {
            numbers.add(new Published(figure, months, town, null, null, total.path("count").asLong()));
        }
        long sum = 0;
        boolean hidden = false;
        boolean rest = false;
        for (JsonNode group : node.path("groups")) {
            String key = group.path("key").asText();
            assertThat(group.path("label").asText()).as(figure).isNotBlank().doesNotContain("null")
                    .doesNotMatch("[A-Z0-9_+>]+");
            rest |= key.equals("SUPPRESSED");
            JsonNode count = group.at("/value/count");
            if (!count.isNumber()) {
                hidden = true;
                continue;
            }
            sum += count.asLong();
            Published number = key.equals("SUPPRESSED") ? new Published(figure, months, town, dimension, key, count.asLong())
                    : dimension.equals("month") ? new Published(figure, Set.of(YearMonth.parse(key)), town, null, null, count.asLong())
                    : dimension.equals("town") ? new Published(figure, months, key, null, null, count.asLong())
                    : new Published(figure, months, town, dimension, key, count.asLong());
            numbers.add(number);
        }
        if (total.path("count").isNumber() && node.path("groups").size() > 0) {
            // The shown groups, "nicht ausgewiesen" included, add up to the total.
            assertThat(hidden && !rest ? -1 : sum).as(figure + " " + node).isEqualTo(total.path("count").asLong());
        }
        return numbers;
    }

    /** A referral flow's numbers: made, within it accepted (completed within that), declined (by reason), withdrawn. */
    private List<Published> flows(JsonNode flows, Set<YearMonth> months, String town) {
        List<Published> numbers = new ArrayList<>();
        Map<String, String> paths = Map.of("made", "/", "accepted", "/A", "completed", "/A/C", "declined", "/D",
                "withdrawn", "/W");
        for (JsonNode flow : flows) {
            String row = "flow:" + flow.path("partnerId").asText() + ":" + flow.path("fieldOfAction").asText();
            paths.forEach((measure, path) -> {
                if (flow.at("/" + measure + "/count").isNumber()) {
                    numbers.add(new Published(row, months, town, "flow", path, flow.at("/" + measure + "/count").asLong()));
                }
            });
            for (Published reason : figure(row, flow.path("declineReasons"), months, town, "flow")) {
                numbers.add(new Published(row, months, town, "flow", reason.group() == null ? "/D" : "/D/" + reason.group(),
                        reason.value()));
            }
        }
        return numbers;
    }

    /** An export shows the numbers of its view and no other. */
    private static void assertCsvShowsNoOtherNumber(String csv, List<Published> view, String query) {
        Set<Long> shown = new TreeSet<>();
        view.forEach(n -> shown.add(n.value()));
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            for (String cell : lines[i].split(";")) {
                if (cell.matches("\\d+")) {
                    assertThat(shown).as(query + ": " + lines[i]).contains(Long.parseLong(cell));
                }
            }
        }
    }
}
