package de.kim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What users wait for on a store of real volume, through the gateway, one request at a time:
 * the case list page (50 rows, open cases, sorted; the first page and a later one, with the
 * total) as the demo case manager and as the lead who sees the whole tenant, the name search by
 * prefix (with an umlaut, and the same prefix spelt out), the search by date of birth, the case
 * file and history of a case with hundreds of events, and steering's figures of the tenant by
 * month and by town. The queries take turns, so that each sees the same machine; p50/p99/max of
 * each from an HdrHistogram, and the size of each answer.
 */
@Command(name = "volume-queries", description = "Latency of lists, searches, case file and figures on a large store.")
final class VolumeQueries implements Callable<Integer> {

    static final String LEAD = "leitung.mettmann";
    static final String STEERING = "steuerung.mettmann";

    @Mixin
    PlatformAddress platform;
    @Option(names = "--long-case", required = true, description = "id of the case with the long history")
    String longCase;
    @Option(names = "--name", defaultValue = "Schrö", description = "a name prefix that exists")
    String name;
    @Option(names = "--requests", defaultValue = "200", description = "measured requests per query")
    int requests;
    @Option(names = "--warmup", defaultValue = "20", description = "requests per query before measuring")
    int warmup;
    @Option(names = "--budget", defaultValue = "60",
            description = "seconds per query at most, warm-up included: a slow query gets fewer requests")
    int budget;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    private record Query(String key, String token, String path) {
    }

    @Override
    public Integer call() {
        Api api = new Api();
        String demo = api.token(platform.auth, CasePlans.DEMO_CASE_MANAGER);
        String lead = api.token(platform.auth, LEAD);
        String steering = api.token(platform.auth, STEERING);
        Results results = new Results();

        Api.Answer file = api.send("GET", platform.gateway + "/api/cases/" + longCase, demo, null);
        if (!file.ok()) {
            throw new IllegalStateException("the long case does not answer (" + file.status() + "): " + file.body());
        }
        String born = LocalDate.parse(file.json().path("client").path("dateOfBirth").asText())
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        long leadOpen = total(api, lead, "/api/cases?status=OPEN&size=50");
        int laterPage = (int) Math.max(1, leadOpen / 50 / 2);
        String folded = InventedPeople.fold(name);

        List<Query> queries = List.of(
                new Query("list_demo_first", demo, "/api/cases?status=OPEN&sort=openedOn,desc&size=50&page=0"),
                new Query("list_demo_later", demo, "/api/cases?status=OPEN&sort=openedOn,desc&size=50&page=1"),
                new Query("list_lead_first", lead, "/api/cases?status=OPEN&sort=caseNumber,asc&size=50&page=0"),
                new Query("list_lead_later", lead, "/api/cases?status=OPEN&sort=caseNumber,asc&size=50&page=" + laterPage),
                new Query("search_name_demo", demo, "/api/cases?size=50&q=" + encode(name)),
                new Query("search_name_lead", lead, "/api/cases?size=50&q=" + encode(folded)),
                new Query("search_dob_lead", lead, "/api/cases?size=50&q=" + encode(born)),
                new Query("case_file", demo, "/api/cases/" + longCase),
                new Query("case_history", demo, "/api/cases/" + longCase + "/history"),
                new Query("figures_month", steering, "/api/steering/figures"),
                new Query("figures_town", steering, "/api/steering/figures?groupBy=town"));
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        Map<String, Integer> bytes = new LinkedHashMap<>();
        for (Query q : queries) {
            latencies.put(q.key(), new Latencies());
            errors.put(q.key(), 0);
            Api.Answer first = api.send("GET", platform.gateway + q.path(), q.token(), null);
            bytes.put(q.key(), first.body().getBytes(StandardCharsets.UTF_8).length);
            if (first.ok() && first.json().has("total")) {
                results.put(q.key() + ".total", first.json().path("total").asLong());
            }
        }
        Map<String, Long> spentNanos = new LinkedHashMap<>();
        for (int i = 0; i < warmup + requests; i++) {
            for (Query q : queries) {
                long spent = spentNanos.getOrDefault(q.key(), 0L);
                // A slow query warms up for a third of its budget at most, so that it is measured at all.
                if (spent > budget * 1_000_000_000L || (i < warmup && spent > budget * 1_000_000_000L / 3)) {
                    continue;
                }
                Api.Answer answer = api.send("GET", platform.gateway + q.path(), q.token(), null);
                spentNanos.merge(q.key(), answer.nanos(), Long::sum);
                if (!answer.ok()) {
                    errors.merge(q.key(), 1, Integer::sum);
                } else if (i >= warmup) {
                    latencies.get(q.key()).add(answer.nanos());
                }
            }
        }
        results.put("requests", requests);
        results.put("budget_s", budget);
        results.put("lead_open_total", leadOpen);
        results.put("later_page", laterPage);
        // The history answers a page: the entries of its first page.
        results.put("long_case.history_entries", api.send("GET", platform.gateway + "/api/cases/" + longCase
                + "/history", demo, null).json().path("items").size());
        for (Query q : queries) {
            Latencies.Summary summary = latencies.get(q.key()).summary();
            summary.writeTo(results, q.key());
            results.put(q.key() + ".errors", errors.get(q.key()));
            results.put(q.key() + ".bytes", bytes.get(q.key()));
            System.err.printf("volume-queries: %-18s %s, %d errors, %,d bytes%n", q.key(), summary, errors.get(q.key()),
                    bytes.get(q.key()));
        }
        results.print(out);
        return 0;
    }

    private long total(Api api, String token, String path) {
        Api.Answer answer = api.send("GET", platform.gateway + path, token, null);
        JsonNode json = answer.ok() ? answer.json() : null;
        if (json == null || !json.has("total")) {
            throw new IllegalStateException("no total from " + path + " (" + answer.status() + "): " + answer.body());
        }
        return json.path("total").asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
