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
import de.kim.contracts.cases.ContactRecorded;
import de.kim.contracts.cases.DoubleFundingWarned;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.LegalDomainsChanged;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.NeedResolved;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.contracts.partners.ReferralCompleted;
import de.kim.contracts.partners.ReferralDeclined;
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
 * goals, warnings, themes, contacts, referrals and their answers, offers, residence status
 * progressions, dates across four years in any order, events delivered twice or late), every case
 * figure, theme, counselling figure, referral flow, gap and status progression of every period,
 * town and grouping read from the counts equals the one computed fact by fact
 * ({@link FiguresFromFacts}, {@link FlowsFromFacts}); a rebuild and a recount from
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
    private static final String[] PARTNERS = {"vhs", "jobcenter", "awo"};

    private final MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());
    private final FactsDatabase database = new FactsDatabase(client,
            new MongoTemplate(client, "counted-figures-test-" + UUID.randomUUID().toString().substring(0, 8)));
    private final SteeringProjection projection = new SteeringProjection(database);
    private final EnvelopeCodec codec = new EnvelopeCodec(JSON);

    @Test
    void figures_from_the_counts_equal_those_from_the_facts_for_random_histories() {
        for (long seed = 1; seed <= 4; seed++) {
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
        Map<String, Long> once = caseCounts(counts(database.template(), tenant));
        delivered.forEach(json -> projection.apply(codec.decode(json)));
        Map<String, Long> again = counts(database.template(), tenant);
        assertThat(caseCounts(again)).isEqualTo(once);
        // A referral made again takes its case's town of now (so do its facts): the counts follow the facts.
        new FigureCountStore(database.template()).recount();
        assertThat(counts(database.template(), tenant)).isEqualTo(again);
    }

    /** The counts of the cases and the immigration office's events: all but the referrals' flows and now. */
    private static Map<String, Long> caseCounts(Map<String, Long> counts) {
        Map<String, Long> cases = new TreeMap<>(counts);
        cases.keySet().removeIf(path -> path.contains("|flows.") || path.contains("|now."));
        return cases;
    }

    private void assertSameFigures(String tenant, long seed) {
        List<CaseFact> facts = database.template().find(Query.query(Criteria.where("tenant").is(tenant)), CaseFact.class);
        assertThat(facts).isNotEmpty();
        for (boolean workloadByPerson : new boolean[]{false, true}) {
            SteeringFigures figures = new SteeringFigures(database, SteeringFiguresTest.figures(database, false).labels(),
                    NOVEMBER, 5, workloadByPerson);
            FiguresFromFacts reference = new FiguresFromFacts(figures, workloadByPerson);
            CounsellingFigures counselling = new CounsellingFigures(figures);
            ReferralFlows flows = new ReferralFlows(figures);
            FlowsFromFacts others = new FlowsFromFacts(figures);
            TenantFacts all = figures.load(tenant);
            assertThat(figures.gaps(all)).as("gaps, seed %d", seed).isEqualTo(others.gaps(all));
            for (int year = 2024; year <= 2027; year++) {
                FiguresFromFacts.Cubes cubes = reference.cubes(facts, year);
                TenantFacts counted = figures.load(tenant);
                for (ReportingPeriod period : periods(year)) {
                    assertThat(figures.themes(counted, period)).as("themes, seed %d, %s", seed, period.node())
                            .isEqualTo(reference.themes(facts, period));
                    assertThat(figures.statusProgressions(counted, period)).as("progressions, seed %d, %s", seed,
                            period.node()).isEqualTo(others.statusProgressions(all, period));
                    for (String town : Arrays.asList(null, "Velbert", "Hilden", "Mon.heim", "UNKNOWN")) {
                        assertThat(flows.of(counted, period, town)).as("flows, seed %d, %s, town %s", seed,
                                period.node(), town).isEqualTo(others.flows(all, period, town));
                        for (String grouping : List.of("KIND", "TOWN", "MONTH")) {
                            assertThat(counselling.of(counted, period, town, grouping))
                                    .as("counselling, seed %d, %s, town %s, by %s", seed, period.node(), town, grouping)
                                    .isEqualTo(reference.counselling(facts, period, town, grouping));
                        }
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
    static Map<String, Long> counts(MongoTemplate mongo, String tenant) {
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
    static List<String> deliveries(String tenant, Random random) {
        List<List<String>> byCase = new ArrayList<>();
        List<String> network = new ArrayList<>();
        for (int p = 0; p < PARTNERS.length; p++) {
            network.add(event(tenant, PartnerRegistered.TYPE, PARTNERS[p], 0, day(random),
                    Map.of("partnerId", PARTNERS[p], "name", "Träger " + p)));
            for (int o = 0; o < 2; o++) {
                Map<String, Object> offer = new HashMap<>();
                offer.put("partnerId", PARTNERS[p]);
                offer.put("offerId", PARTNERS[p] + "-o" + o);
                offer.put("fieldOfAction", pick(random, FIELDS));
                offer.put("town", pick(random, TOWNS));
                offer.put("online", random.nextInt(4) == 0);
                offer.put("capacity", random.nextInt(4));
                network.add(event(tenant, OfferPublished.TYPE, PARTNERS[p], 1 + o, day(random), offer));
            }
        }
        for (int r = 0; r < 12; r++) {
            Map<String, Object> progressed = new HashMap<>();
            progressed.put("recordId", "record-" + r % 5);
            progressed.put("fromStatus", random.nextBoolean() ? "DULDUNG" : null);
            progressed.put("toStatus", "AUFENTHALTSERLAUBNIS");
            progressed.put("legalBasis", random.nextBoolean() ? "§ 104c AufenthG" : "§ 25b AufenthG");
            progressed.put("validFrom", day(random).toString());
            progressed.put("pathway", random.nextBoolean() ? "AUFENTHG_25B" : null);
            network.add(event(tenant, ResidenceStatusProgressed.TYPE, "record-" + r % 5, r, day(random), progressed));
        }
        byCase.add(network);
        int cases = 40 + random.nextInt(30);
        for (int i = 0; i < cases; i++) {
            byCase.add(history(tenant, "case-" + i, random));
        }
        List<String> delivered = new ArrayList<>();
        cases = byCase.size();
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

    private static List<String> history(String tenant, String caseId, Random random) {
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
            switch (random.nextInt(13)) {
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
                case 11 -> {
                    type = ThemeTagged.TYPE;
                    data.put("themeCode", random.nextBoolean() ? "OTHER" : "NO_AFFORDABLE_HOUSING");
                }
                case 12 -> {
                    type = ContactRecorded.TYPE;
                    data.put("contactId", caseId + "-k" + i);
                    data.put("kind", random.nextBoolean() ? "PHONE" : "HOME_VISIT");
                    data.put("durationMinutes", 5 + random.nextInt(120));
                    data.put("contactOn", on.toString());
                }
                case 9 -> {
                    type = ClientDataRectified.TYPE;
                    data.put("town", pick(random, TOWNS));
                }
                default -> {
                    type = ReferralMade.TYPE;
                    data.put("referralId", caseId + "-r" + i);
                    data.put("madeOn", on.toString());
                    data.put("fieldOfAction", pick(random, FIELDS));
                    String partner = pick(random, PARTNERS);
                    data.put("partnerId", partner);
                    data.put("offerId", partner + "-o" + random.nextInt(2));
                }
            }
            events.add(event(tenant, type, caseId, sequence++, on, data));
            if (type.equals(ReferralMade.TYPE)) {
                answers(tenant, data, on, random).forEach(events::add);
            }
        }
        return events;
    }

    /** What the partner (or the case manager, withdrawing) does with a referral, if anything. */
    private static List<String> answers(String tenant, Map<String, Object> referral, LocalDate made, Random random) {
        List<String> answers = new ArrayList<>();
        String partner = (String) referral.get("partnerId");
        Map<String, Object> data = new HashMap<>(Map.of("referralId", referral.get("referralId"),
                "caseId", referral.get("caseId"), "partnerId", partner, "offerId", referral.get("offerId")));
        LocalDate on = made.plusDays(random.nextInt(30));
        switch (random.nextInt(5)) {
            case 0 -> answers.add(event(tenant, ReferralAccepted.TYPE, partner, 0, on, data));
            case 1 -> {
                answers.add(event(tenant, ReferralAccepted.TYPE, partner, 0, on, data));
                answers.add(event(tenant, ReferralCompleted.TYPE, partner, 0, on.plusDays(40), data));
            }
            case 2 -> {
                data.put("reason", random.nextBoolean() ? "NO_CAPACITY" : "NOT_SUITABLE");
                answers.add(event(tenant, ReferralDeclined.TYPE, partner, 0, on, data));
            }
            case 3 -> answers.add(event(tenant, ReferralWithdrawn.TYPE, (String) referral.get("caseId"), 0, on, data));
            default -> {
            }
        }
        return answers;
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
