package de.kim.steering.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.local.EmbeddedInfra;
import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.Facts.EventFact;
import de.kim.steering.query.Facts.NeedFact;
import de.kim.steering.query.SteeringFigures.GroupBy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How long one figures request of a tenant takes, before (every case fact read and counted, as
 * {@link FiguresFromFacts} does) and after (the counts read, {@link CountedFigures}), with the
 * cases of ten years in the embedded Mongo-wire server. Not part of the test suite: run it with
 * {@code mvn -B -o -q verify -pl steering-service -am -Dkim.test.groups=benchmark -Dkim.test.excluded-groups=none
 * -Dtest=FiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dkim.bench.figures.cases=24000,100000});
 * it writes p50 and p99 to {@code target/benchmark-steering-figures.txt}.
 */
@Tag("benchmark")
class FiguresBenchmark {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-17T09:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final String[] TOWNS = {"Erkrath", "Haan", "Heiligenhaus", "Hilden", "Langenfeld", "Mettmann",
            "Monheim am Rhein", "Ratingen", "Velbert", "Wülfrath"};
    private static final String[] GROUPS = {"NEWLY_ARRIVED", "TOLERATED", "YOUNG_ADULTS", "FAMILIES", "OTHER"};
    private static final String[] FIELDS = {"LANGUAGE", "TRAINING_WORK", "HOUSING", "FAMILY_CHILDREN", "HEALTH"};
    private static final String[] DOMAINS = {"SGB_II", "SGB_III", "SGB_VIII", "ASYLBLG"};

    private final MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());

    @Test
    void figures_request() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String size : System.getProperty("kim.bench.figures.cases", "24000,100000").split(",")) {
            int cases = Integer.parseInt(size.trim());
            FactsDatabase database = new FactsDatabase(client,
                    new MongoTemplate(client, "figures-bench-" + UUID.randomUUID().toString().substring(0, 8)));
            String tenant = "kreis-bench";
            long start = System.nanoTime();
            MemoryFactStore memory = new MemoryFactStore();
            invent(tenant, cases, new Random(cases)).forEach(memory::save);
            memory.writeTo(database.template());
            out.append(cases).append(" cases written (facts and counts) in ")
                    .append((System.nanoTime() - start) / 1_000_000).append(" ms\n");
            SteeringFigures figures = SteeringFiguresTest.figures(database, false);
            figures = new SteeringFigures(database, figures.labels(), NOW, 5, false);
            FiguresFromFacts before = new FiguresFromFacts(figures, false);
            SteeringFigures after = figures;
            ReportingPeriod year = ReportingPeriod.year(2026);
            int rounds = cases > 50_000 ? 12 : 30;
            out.append(cases).append(" before (all facts read): ").append(measure(rounds, () -> {
                List<CaseFact> facts = after.load(tenant).of(CaseFact.class);
                return before.figures(tenant, facts, before.cubes(facts, 2026), year, null, GroupBy.TOWN);
            })).append('\n');
            out.append(cases).append(" after (counts read): ").append(measure(100,
                    () -> after.figures(after.load(tenant), year, null, GroupBy.TOWN))).append('\n');
            // Where the time goes: reading the count documents, and making and protecting the cubes from them.
            out.append(cases).append("   of which reading the counts: ").append(measure(100, () -> CountedFigures.read(
                    after.load(tenant).counts(), tenant, 2026, after.currentMonth()))).append('\n');
            CountedFigures counted = CountedFigures.read(after.load(tenant).counts(), tenant, 2026, after.currentMonth());
            out.append(cases).append("   of which the protected cubes: ").append(measure(100,
                    () -> counted.cubes(5, false, after.currentMonth(), after.today()))).append('\n');
            client.getDatabase(database.activeName()).drop();
            System.out.println(out);
            Files.writeString(Path.of("target", "benchmark-steering-figures.txt"), out);
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-steering-figures.txt"), out);
    }

    private static String measure(int rounds, Supplier<Object> request) {
        try {
            for (int i = 0; i < 3; i++) {
                request.get();
            }
        } catch (RuntimeException failed) {
            return "fails: " + failed.getMessage();
        }
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            request.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return "p50 " + millis[rounds / 2] + " ms, p99 " + millis[(int) Math.ceil(rounds * 0.99) - 1] + " ms ("
                + rounds + " requests)";
    }

    /** Cases of ten years, most of them closed, with needs, a goal, a theme and now and then a legal-domain change. */
    private static List<CaseFact> invent(String tenant, int cases, Random random) {
        List<CaseFact> facts = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            CaseFact c = new CaseFact();
            c.caseId = UUID.randomUUID().toString();
            c.id = tenant + ":" + c.caseId;
            c.tenant = tenant;
            c.town = TOWNS[random.nextInt(TOWNS.length)];
            c.targetGroup = GROUPS[random.nextInt(GROUPS.length)];
            c.accessRoute = random.nextBoolean() ? "SELF" : "JOBCENTER";
            c.assignee = "cm-" + random.nextInt(40);
            c.openedOn = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3_600));
            c.legalDomains = List.of(DOMAINS[random.nextInt(DOMAINS.length)]);
            c.firstReferralOn = c.openedOn.plusDays(random.nextInt(60));
            if (random.nextInt(10) < 8 && c.openedOn.plusDays(200).isBefore(LocalDate.of(2026, 11, 1))) {
                c.status = "CLOSED";
                c.closedOn = c.openedOn.plusDays(30 + random.nextInt(500));
                c.outcome = random.nextBoolean() ? "GOALS_REACHED" : "MOVED_AWAY";
            } else {
                c.status = "OPEN";
            }
            for (int n = 0; n < 2; n++) {
                NeedFact need = new NeedFact();
                need.id = c.id + "-n" + n;
                need.tenant = tenant;
                need.caseId = c.caseId;
                need.town = c.town;
                need.fieldOfAction = FIELDS[random.nextInt(FIELDS.length)];
                need.assessedOn = c.openedOn.plusDays(n * 7L);
                c.needs.add(need);
            }
            c.events.add(new EventFact(c.id + "-g", tenant, "GoalAchieved", c.openedOn.plusDays(90), c.town,
                    FIELDS[random.nextInt(FIELDS.length)], null));
            c.events.add(new EventFact(c.id + "-t", tenant, "ThemeTagged", c.openedOn.plusDays(3), c.town,
                    "NO_AFFORDABLE_HOUSING", null));
            if (random.nextInt(5) == 0) {
                c.events.add(new EventFact(c.id + "-l", tenant, "LegalDomainsChanged", c.openedOn.plusDays(40), c.town,
                        "ASYLBLG>SGB_II", null));
            }
            facts.add(c);
        }
        return facts;
    }
}
