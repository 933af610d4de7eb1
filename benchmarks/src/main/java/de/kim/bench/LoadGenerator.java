package de.kim.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.time.Instant;

/**
 * Commands through the gateway from N concurrent clients for a fixed time after a warm-up:
 * throughput, exact latency percentiles and errors by status.
 *
 * <p>Scenarios: {@code open-case} ({@code POST /api/cases}, one command per iteration) and
 * {@code referral} (per iteration: open a case, record the consent for the partner, assess a
 * need, refer; four commands, each timed on its own, all four in the totals; the set-up
 * registers the demo partner and an offer of capacity 100,000 once), {@code contact} (each client
 * records contacts on a case of its own from {@code --cases}, e.g. cases with hundreds of events:
 * a command on a long case, as the case manager of a long-running case works). With {@code --target URL}
 * the open-case body goes to that URL without a token (the CRUD service).
 */
@Command(name = "load-generator", description = "Commands from concurrent clients: throughput and latency.")
final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "open-case", description = "open-case, referral or contact")
    String scenario;
    @Option(names = "--clients", defaultValue = "32")
    int clients;
    @Option(names = "--duration", defaultValue = "60", description = "seconds measured")
    double duration;
    @Option(names = "--warmup", defaultValue = "10", description = "seconds before measuring")
    double warmup;
    @Mixin
    PlatformAddress platform;
    @Option(names = "--target", description = "POST the open-case body here without a token (the CRUD service)")
    String target;
    @Option(names = "--rate", defaultValue = "0", description = "commands per second in all; 0: as fast as answered")
    double rate;
    @Option(names = "--user", defaultValue = "leitung.mettmann")
    String user;
    @Option(names = "--cases", split = ",", description = "contact: the cases, one per client (round robin)")
    List<String> cases;
    @Option(names = "--town", defaultValue = "Velbert")
    String town;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    @Override
    public Integer call() {
        String gateway = platform.gateway;
        String auth = platform.auth;
        Api api = new Api();
        LoadRun.Scenario chosen = switch (scenario) {
            case "open-case" -> target != null
                    ? openCase(target, null, town)
                    : openCase(gateway + "/api/cases", api.token(auth, user), town);
            case "referral" -> new Referral(gateway, auth, user);
            case "contact" -> contact(gateway, api.token(auth, user), cases);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.err.printf("%s: set-up ...%n", chosen.name());
        chosen.setUp(api);
        String measured = target != null ? target : gateway;
        System.err.printf("%s: %d clients, %.0f s warm-up, %.0f s measured, target %s%n", chosen.name(), clients, warmup,
                duration, measured);
        LoadRun run = new LoadRun(chosen, api, clients, rate);
        run.start(warmup, duration);
        run.awaitEnd();
        Results results = new Results();
        results.put("target", measured);
        results.put("warmup_s", warmup);
        run.writeTo(results);
        results.print(out);
        return 0;
    }

    /** {@code POST <url>} with the body of a new case; {@code token} null sends none. */
    static LoadRun.Scenario openCase(String url, String token, String town) {
        return onePost("open-case", () -> url, token, Bodies.openCase(town));
    }

    /** {@code POST /api/cases/{id}/contacts}, each client on a case of its own (round robin over {@code caseIds}). */
    static LoadRun.Scenario contact(String gateway, String token, List<String> caseIds) {
        if (caseIds == null || caseIds.isEmpty()) {
            throw new IllegalArgumentException("the contact scenario needs --cases");
        }
        AtomicInteger clients = new AtomicInteger();
        ThreadLocal<String> own = ThreadLocal.withInitial(() ->
                gateway + "/api/cases/" + caseIds.get(clients.getAndIncrement() % caseIds.size()) + "/contacts");
        return onePost("contact", own::get, token, Bodies.contact());
    }

    /** One command per iteration: {@code POST} of {@code body} to the client's {@code url}, timed as step {@code name}. */
    private static LoadRun.Scenario onePost(String name, Supplier<String> url, String token, String body) {
        return new LoadRun.Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void iteration(LoadRun.Client client) {
                if (client.call(name, "POST", url.get(), token, body).ok()) {
                    client.completed();
                }
            }
        };
    }

    /** The referral loop of one case: open, consent, need, referral, as a case manager does it. */
    static final class Referral implements LoadRun.Scenario {
        private final String gateway;
        private final String auth;
        private final String user;
        private String lead;
        private String offer;

        Referral(String gateway, String auth, String user) {
            this.gateway = gateway;
            this.auth = auth;
            this.user = user;
        }

        @Override
        public String name() {
            return "referral";
        }

        @Override
        public void setUp(Api api) {
            lead = api.token(auth, user);
            String admin = api.token(auth, "admin.mettmann");
            String partnerStaff = api.token(auth, "partner.mettmann");
            Api.Answer partner = api.send("PUT", gateway + "/api/partners/" + Bodies.PARTNER, admin, Bodies.partner());
            require(partner, "register the partner");
            Api.Answer offered = api.send("POST", gateway + "/api/partners/" + Bodies.PARTNER + "/offers", partnerStaff,
                    Bodies.offer());
            require(offered, "publish the offer");
            offer = offered.id();
            // case-service learns of the offer from Kafka: refer until it does.
            String cases = gateway + "/api/cases/" + require(api.send("POST", gateway + "/api/cases", lead,
                    Bodies.openCase("Velbert")), "open a case").id();
            require(api.send("POST", cases + "/consents", lead, Bodies.consent(Bodies.PARTNER)), "record the consent");
            String need = require(api.send("POST", cases + "/needs", lead, Bodies.need()), "assess the need").id();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            Api.Answer referral;
            do {
                referral = api.send("POST", cases + "/referrals", lead, Bodies.referral(Bodies.PARTNER, offer, need));
                if (!referral.ok()) {
                    sleep(250);
                }
            } while (!referral.ok() && Instant.now().isBefore(deadline));
            require(referral, "refer (case-service did not learn of the offer within 120 s)");
        }

        @Override
        public void iteration(LoadRun.Client client) {
            Api.Answer opened = client.call("open-case", "POST", gateway + "/api/cases", lead, Bodies.openCase("Velbert"));
            if (!opened.ok()) {
                return;
            }
            String cases = gateway + "/api/cases/" + opened.id();
            if (!client.call("consent", "POST", cases + "/consents", lead, Bodies.consent(Bodies.PARTNER)).ok()) {
                return;
            }
            Api.Answer need = client.call("need", "POST", cases + "/needs", lead, Bodies.need());
            if (!need.ok()) {
                return;
            }
            if (client.call("referral", "POST", cases + "/referrals", lead,
                    Bodies.referral(Bodies.PARTNER, offer, need.id())).ok()) {
                client.completed();
            }
        }
    }

    static Api.Answer require(Api.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("could not " + what + ": " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
