package de.kim.steering.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseHandedOver;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.CaseReopened;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.DoubleFundingWarned;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.LegalDomainsChanged;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.NeedResolved;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.SteeringFigures.GroupBy;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counted figures are the figures of the facts: for invented histories drawn at random (cases
 * opened, closed, reopened, handed over, moved to another town, legal domains changed, needs,
 * goals, warnings, referrals, dates across four years in any order, events delivered twice or
 * late), every case figure of every period, town and grouping read from the counts equals the one
 * computed case by case from the facts ({@link FiguresFromFacts}); a rebuild and a recount from
 * scratch give the same counts as the live projection.
 */
class CountedFiguresTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Mid-month, so that the running month's open cases are counted up to today, not to its end. */
    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-17T09:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final String[] TOWNS = {"Velbert", "Hilden", "Mon.heim", null};
    private static final String[] GROUPS = {"FAMILIES", "NEWLY_ARRIVED", "TOLERATED", null};
    private static final String[] DOMAINS = {"SGB_II", "SGB_VIII", "ASYLBLG"};
    private static final String[] FIELDS = {"LANGUAGE", "HOUSING", "HEALTH"};
    private static final String[] MANAGERS = {"cm-anna", "cm.ben", "cm-cem"};

    private final MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());
    private final FactsDatabase database = new FactsDatabase(client,
            new MongoTemplate(client, "counted-figures-test-" + UUID.randomUUID().toString().substring(0, 8)));
    private final SteeringProjection projection = new SteeringProjection(database);
    private final EnvelopeCodec codec = new EnvelopeCodec(JSON);

    @Test
    void figures_from_the_counts_equal_those_from_the_facts_for_random_histories() {
        for (long seed = 1; seed <= 6; seed++) {
            String tenant = "kreis-counted-" + seed + "-" + UUID.randomUUID().toString().substring(0, 6);
            List<String> delivered = deliveries(tenant, new Random(seed));
            delivered.forEach(json -> projection.apply(codec.decode(json)));
            assertSameFigures(tenant, seed);

            // A rebuild replays the same events into memory and counts its cases once, at the end.
            MemoryFactStore memory = new MemoryFactStore();
            delivered.forEach(json -> projection.apply(codec.decode(json), memory));
            MongoTemplate rebuilt = database.fresh();
            memory.writeTo(rebuilt);
            assertThat(counts(rebuilt, tenant)).as("rebuilt counts, seed " + seed).isEqualTo(counts(database.template(), tenant));
        }
        Map<String, Long> live = counts(database.template(), null);
        new FigureCountStore(database.template()).recount();
        assertThat(counts(database.template(), null)).as("counted from scratch").isEqualTo(live);
        assertThat(new FigureCountStore(database.template()).counted()).isTrue();
    }

    @Test
    void an_event_delivered_again_changes_no_count() {
        String tenant = "kreis-again-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> delivered = deliveries(tenant, new Random(42));
        delivered.forEach(json -> projection.apply(codec.decode(json)));
        Map<String, Long> once = counts(database.template(), tenant);
        delivered.forEach(json -> projection.apply(codec.decode(json)));
        assertThat(counts(database.template(), tenant)).isEqualTo(once);
    }

    private void assertSameFigures(String tenant, long seed) {
        List<CaseFact> facts = database.template().find(Query.query(Criteria.where("tenant").is(tenant)), CaseFact.class);
        assertThat(facts).isNotEmpty();
        for (boolean workloadByPerson : new boolean[]{false, true}) {
            SteeringFigures figures = new SteeringFigures(database, SteeringFiguresTest.figures(database, false).labels(),
                    NOVEMBER, 5, workloadByPerson);
            FiguresFromFacts reference = new FiguresFromFacts(figures, workloadByPerson);
            for (int year = 2024; year <= 2027; year++) {
                FiguresFromFacts.Cubes cubes = reference.cubes(facts, year);
                TenantFacts counted = figures.load(tenant);
                for (ReportingPeriod period : periods(year)) {
                    for (String town : Arrays.asList(null, "Velbert", "Hilden", "Mon.heim", "UNKNOWN")) {
                        for (GroupBy groupBy : GroupBy.values()) {
                            assertThat(figures.figures(counted, period, town, groupBy))
                                    .as("seed %d, %s, town %s, by %s, per person %s", seed, period.node(), town,
                                            groupBy, workloadByPerson)
                                    .isEqualTo(reference.figures(tenant, facts, cubes, period, town, groupBy));
                        }
                    }
                }
            }
        }
    }

    private static List<ReportingPeriod> periods(int year) {
        List<ReportingPeriod> periods = new ArrayList<>(List.of(ReportingPeriod.year(year)));
        for (int q = 1; q <= 4; q++) {
            periods.add(ReportingPeriod.quarter(year, q));
        }
        ReportingPeriod.year(year).months().forEach(m -> periods.add(ReportingPeriod.month(m)));
        return periods;
    }

    /** The counts of a tenant (of all where null) as field paths, without the changes remembered and counts of none. */
    private static Map<String, Long> counts(MongoTemplate mongo, String tenant) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document d : mongo.getCollection(FigureCounts.COLLECTION).find()) {
            String id = d.getString("_id");
            if (tenant == null || id.startsWith(tenant + "|")) {
                flatten(id, d, counts);
            }
        }
        return counts;
    }

    private static void flatten(String path, Document document, Map<String, Long> counts) {
        document.forEach((field, value) -> {
            if (value instanceof Document inner) {
                flatten(path + "." + field, inner, counts);
            } else if (value instanceof Number n && n.longValue() != 0 && !field.equals("_id")) {
                counts.put(path + "." + field, n.longValue());
            }
        });
    }

    /** The events of an invented history, in an order of delivery with some delivered twice or late. */
    private List<String> deliveries(String tenant, Random random) {
        List<List<String>> byCase = new ArrayList<>();
        int cases = 40 + random.nextInt(30);
        for (int i = 0; i < cases; i++) {
            byCase.add(history(tenant, "case-" + i, random));
        }
        List<String> delivered = new ArrayList<>();
        int[] next = new int[cases];
        int left = byCase.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int c = random.nextInt(cases);
            List<String> events = byCase.get(c);
            if (next[c] == events.size()) {
                continue;
            }
            if (next[c] + 1 < events.size() && random.nextInt(10) == 0) {
                // Late: the next but one comes first; the late one is then older than what the case has seen.
                delivered.add(events.get(next[c] + 1));
                delivered.add(events.get(next[c]));
                next[c] += 2;
                left -= 2;
            } else {
                delivered.add(events.get(next[c]++));
                left--;
            }
            if (random.nextInt(8) == 0) {
                delivered.add(delivered.get(random.nextInt(delivered.size())));
            }
        }
        return delivered;
    }

    private List<String> history(String tenant, String caseId, Random random) {
        List<String> events = new ArrayList<>();
        LocalDate opened = day(random);
        List<String> domains = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        Map<String, Object> open = new HashMap<>();
        open.put("caseId", caseId);
        open.put("town", pick(random, TOWNS));
        open.put("targetGroup", pick(random, GROUPS));
        open.put("accessRoute", random.nextBoolean() ? "SELF" : "JOBCENTER");
        open.put("assignee", pick(random, MANAGERS));
        open.put("openedOn", opened.toString());
        long sequence = 0;
        events.add(event(tenant, CaseOpened.TYPE, caseId, sequence++, opened, open));
        int changes = random.nextInt(14);
        for (int i = 0; i < changes; i++) {
            LocalDate on = random.nextInt(3) == 0 ? day(random) : opened.plusDays(random.nextInt(400) - 20);
            Map<String, Object> data = new HashMap<>(Map.of("caseId", caseId));
            EventType type;
            switch (random.nextInt(11)) {
                case 0 -> {
                    type = CaseClosed.TYPE;
                    data.put("outcome", random.nextBoolean() ? "GOALS_REACHED" : "MOVED_AWAY");
                    data.put("closedOn", on.toString());
                }
                case 1 -> type = CaseReopened.TYPE;
                case 2 -> {
                    type = CaseHandedOver.TYPE;
                    data.put("toCaseManager", pick(random, MANAGERS));
                }
                case 3 -> {
                    type = LegalDomainsChanged.TYPE;
                    List<String> current = new ArrayList<>();
                    for (String d : DOMAINS) {
                        if (random.nextInt(3) == 0) {
                            current.add(d);
                        }
                    }
                    data.put("previous", List.copyOf(domains));
                    data.put("current", current);
                    data.put("since", on.toString());
                    domains = current;
                }
                case 4, 5 -> {
                    type = NeedAssessed.TYPE;
                    String need = caseId + "-n" + i;
                    needs.add(need);
                    data.put("needId", need);
                    data.put("fieldOfAction", pick(random, FIELDS));
                }
                case 6 -> {
                    type = needs.isEmpty() ? ThemeTagged.TYPE : NeedResolved.TYPE;
                    data.put("needId", needs.isEmpty() ? "none" : needs.get(random.nextInt(needs.size())));
                    data.put("themeCode", "OTHER");
                }
                case 7 -> {
                    type = GoalAchieved.TYPE;
                    data.put("fieldOfAction", pick(random, FIELDS));
                    data.put("achievedOn", on.toString());
                }
                case 8 -> type = DoubleFundingWarned.TYPE;
                case 9 -> {
                    type = ClientDataRectified.TYPE;
                    data.put("town", pick(random, TOWNS));
                }
                default -> {
                    type = ReferralMade.TYPE;
                    data.put("referralId", caseId + "-r" + i);
                    data.put("madeOn", on.toString());
                    data.put("fieldOfAction", pick(random, FIELDS));
                }
            }
            events.add(event(tenant, type, caseId, sequence++, on, data));
        }
        return events;
    }

    private static LocalDate day(Random random) {
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(4 * 365));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An envelope from the publisher's pinned fixture, with this history's ids and values. */
    private static String event(String tenant, EventType type, String caseId, long sequence, LocalDate day,
                                Map<String, Object> data) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(Fixtures.json(type));
            envelope.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", caseId)
                    .put("sequence", sequence).put("time", day + "T10:00:00Z");
            ObjectNode payload = (ObjectNode) envelope.path("data");
            data.forEach((key, value) -> payload.set(key, JSON.valueToTree(value)));
            return JSON.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
