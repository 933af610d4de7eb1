package de.kim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.KeyEncryptionKeys;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes realistic case histories ({@link CasePlans}, {@link CaseHistories}) straight into
 * case-service's event store, as the service would have written them over ten years: its own
 * event classes, Axon's {@code JdbcEventStorageEngine} with the serializer the service is
 * configured with (Jackson on an object mapper as Spring Boot makes it, revisions from the
 * classes' annotations), the tenant, actor and trace on every event, personal data and typed
 * texts sealed with each person's key in the platform's key store ({@code PersonalDataVault},
 * keys wrapped by the platform's key-encryption key), and the case-number counter raised past the
 * numbers given. The platform must be stopped: the seeder opens its H2 files itself (and
 * PostgreSQL by {@code --url}). After a start, the case files, the figures and the topics are
 * built from these events as from any others.
 */
@Command(name = "seed-cases", description = "Seeds case histories into case-service's event store of a stopped platform.")
final class SeedCases implements Callable<Integer> {

    /** The aggregate type under which case-service stores a case's events. */
    static final String AGGREGATE_TYPE = "CaseAggregate";
    /** Where a tenant's consents and referrals go: the demo partner of the tenant (demo-partner-mettmann, …). */
    static final String PARTNER_PREFIX = "demo-partner-";

    @Option(names = "--data", defaultValue = "data", description = "the platform's data directory")
    Path data;
    @Option(names = "--url", description = "event store JDBC URL (default: case-service's H2 file in --data)")
    String url;
    @Option(names = "--user", defaultValue = "sa")
    String user;
    @Option(names = "--password", defaultValue = "")
    String password;
    @Option(names = "--keystore-url", description = "key store JDBC URL (default: the H2 file in --data)")
    String keystoreUrl;
    @Option(names = "--keystore-user", defaultValue = "sa")
    String keystoreUser;
    @Option(names = "--keystore-password", description = "default: data/secrets/keystore/password")
    String keystorePassword;
    @Option(names = "--kek-file", description = "key-encryption keys (default: data/secrets/keystore/kek)")
    Path kekFile;
    @Option(names = "--cases", defaultValue = "100000")
    int cases;
    @Option(names = "--demo-open", defaultValue = "100", description = "open cases of the demo case manager")
    int demoOpen;
    @Option(names = "--long-cases", defaultValue = "1",
            description = "cases of the demo case manager with a long history (hundreds of events each)")
    int longCases;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--today", description = "the last day of the history (default: today in Germany)")
    LocalDate today;
    @Option(names = "--closed-briefly", description = "closed cases get only their opening and closure (open ones their whole history)")
    boolean closedBriefly;
    @Option(names = "--batch", defaultValue = "100", description = "cases appended per transaction")
    int batch;
    @Option(names = "--threads", description = "threads writing (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    @Override
    public Integer call() throws Exception {
        LocalDate lastDay = today != null ? today : LocalDate.now(CaseHistories.BERLIN);
        Path secrets = data.resolve("secrets").resolve("keystore");
        // The services' URLs without WRITE_DELAY=0: nothing is acknowledged to anyone here, and H2
        // writes batches much faster with its default delay; the files are closed cleanly at the end.
        String events = url != null ? url : "jdbc:h2:file:" + data.toAbsolutePath().resolve("case-service")
                .resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE";
        String keys = keystoreUrl != null ? keystoreUrl : "jdbc:h2:file:" + data.toAbsolutePath().resolve("keystore")
                .resolve("keys") + ";AUTO_SERVER=TRUE";
        String keysPassword = keystorePassword != null ? keystorePassword
                : Files.readString(secrets.resolve("password"), StandardCharsets.UTF_8).trim();
        KeyEncryptionKeys keks = KeyEncryptionKeys.parse(Files.readString(kekFile != null ? kekFile
                : secrets.resolve("kek"), StandardCharsets.UTF_8), "the key-encryption key file");
        Results results = new Results();
        ObjectMapper json = objectMapper();
        try (HikariDataSource eventStore = pool(events, user, password, threads + 1);
             HikariDataSource keyStore = pool(keys, keystoreUser, keysPassword, threads + 1);
             PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(keyStore), keks, null, json,
                     Clock.system(CaseHistories.BERLIN))) {
            Seeding seeding = new Seeding(eventStore, json);
            long started = System.nanoTime();
            CasePlans.Plans plans = CasePlans.plan(cases, seed, lastDay, demoOpen, longCases,
                    seeding.numbersGiven());
            CaseHistories histories = new CaseHistories(vault::seal, lastDay, PARTNER_PREFIX, closedBriefly);
            Seeding.Written written = seeding.write(plans.cases(), histories, batch, threads);
            seeding.raiseCaseNumbers(plans.lastNumbers());
            double seconds = (System.nanoTime() - started) / 1e9;

            results.put("cases", plans.cases().size());
            results.put("events", written.events());
            results.put("events_per_case", written.events() / (double) plans.cases().size());
            results.put("closed_briefly", closedBriefly);
            results.put("open_cases", plans.cases().stream().filter(CaseHistories.Plan::open).count());
            results.put("demo_case_manager", CasePlans.DEMO_CASE_MANAGER);
            results.put("demo_open_cases", plans.cases().stream()
                    .filter(p -> p.open() && p.assignee().equals(CasePlans.DEMO_CASE_MANAGER)).count());
            results.put("kreis_cases", plans.cases().stream().filter(p -> p.tenant().equals(CasePlans.KREIS)).count());
            results.put("seconds", seconds);
            results.put("events_per_s", written.events() / seconds);
            results.put("cases_per_s", plans.cases().size() / seconds);
            results.put("long_case.id", plans.longCase().caseId());
            results.put("long_case.events", written.longCaseEvents(plans.longCase().caseId()));
            results.put("long_case.family_name", plans.longCase().familyName());
            results.put("long_cases.ids", plans.longCases().stream().map(CaseHistories.Plan::caseId)
                    .collect(java.util.stream.Collectors.joining(",")));
            results.put("long_cases.events_min", plans.longCases().stream()
                    .mapToInt(p -> written.longCaseEvents(p.caseId())).min().orElse(0));
            results.put("threads", threads);
            results.put("seed", seed);
            results.put("today", lastDay.toString());
            System.err.printf("seed-cases: %,d cases, %,d events in %.1f s: %,.0f events/s%n", plans.cases().size(),
                    written.events(), seconds, written.events() / seconds);
        }
        results.print(out);
        return 0;
    }

    /** An object mapper as Spring Boot's Jackson auto-configuration makes it for the services. */
    static ObjectMapper objectMapper() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    /** The event serializer as Axon's Spring Boot auto-configuration builds it from that object mapper. */
    static JacksonSerializer serializer(ObjectMapper json) {
        return JacksonSerializer.builder().objectMapper(json).revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter()).build();
    }

    static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** The writing into one event store: batches of cases, their events merged in the order of time. */
    static final class Seeding {

        record Written(long events, Map<String, Integer> perCase) {
            int longCaseEvents(String caseId) {
                return perCase.getOrDefault(caseId, 0);
            }
        }

        private final JdbcTemplate jdbc;
        private final TransactionManager transactions;
        private final JdbcEventStorageEngine engine;

        Seeding(javax.sql.DataSource eventStore, ObjectMapper json) {
            this.jdbc = new JdbcTemplate(eventStore);
            this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(eventStore));
            JacksonSerializer serializer = serializer(json);
            this.engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(eventStore))
                    .transactionManager(transactions)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            // As the service creates them on its first start (EventStoreSchema, CaseNumberCounter).
            engine.createSchema(org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory.INSTANCE);
            Schemas.migrate(eventStore, "case-numbers");
        }

        JdbcEventStorageEngine engine() {
            return engine;
        }

        /** The last Aktenzeichen number given per {@code tenant/year}. */
        Map<String, Long> numbersGiven() {
            Map<String, Long> given = new HashMap<>();
            jdbc.query("select tenant, case_year, last_number from kim_case_number",
                    row -> { given.put(row.getString(1) + "/" + row.getInt(2), row.getLong(3)); });
            return given;
        }

        /** The counter continues after the seeded numbers, so that the next opened case takes a new one. */
        void raiseCaseNumbers(Map<String, Long> last) {
            last.forEach((key, number) -> {
                String tenant = key.substring(0, key.indexOf('/'));
                int year = Integer.parseInt(key.substring(key.indexOf('/') + 1));
                if (jdbc.update("update kim_case_number set last_number = ? where tenant = ? and case_year = ? "
                        + "and last_number < ?", number, tenant, year, number) == 0) {
                    jdbc.update("insert into kim_case_number (tenant, case_year, last_number) select ?, ?, ? "
                            + "where not exists (select 1 from kim_case_number where tenant = ? and case_year = ?)",
                            tenant, year, number, tenant, year);
                }
            });
        }

        Written write(List<CaseHistories.Plan> plans, CaseHistories histories, int batch, int threads)
                throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            AtomicLong written = new AtomicLong();
            Map<String, Integer> perCase = new java.util.concurrent.ConcurrentHashMap<>();
            List<RuntimeException> failures = new CopyOnWriteArrayList<>();
            int batches = (plans.size() + batch - 1) / batch;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int b = next.getAndIncrement(); b < batches && failures.isEmpty(); b = next.getAndIncrement()) {
                        try {
                            List<CaseHistories.Plan> some = plans.subList(b * batch, Math.min(plans.size(), (b + 1) * batch));
                            List<DomainEventMessage<?>> messages = messages(some, histories, perCase);
                            transactions.executeInTransaction(() -> engine.appendEvents(messages));
                            long total = written.addAndGet(messages.size());
                            if (b % 50 == 0) {
                                System.err.printf("seed-cases: %,d of %,d cases, %,d events%n",
                                        Math.min(plans.size(), (b + 1L) * batch), plans.size(), total);
                            }
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }, "seed-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            return new Written(written.get(), perCase);
        }

        /**
         * The events of these cases as domain event messages, merged in the order of their time (the
         * cases of a batch ran side by side), each case's own events in their order.
         */
        static List<DomainEventMessage<?>> messages(List<CaseHistories.Plan> plans, CaseHistories histories,
                                                    Map<String, Integer> perCase) {
            record Cursor(CaseHistories.Plan plan, List<CaseHistories.Event> events, int at, Random ids) {
            }
            PriorityQueue<Cursor> queue = new PriorityQueue<>(java.util.Comparator
                    .comparing((Cursor c) -> c.events().get(c.at()).at()));
            int size = 0;
            for (CaseHistories.Plan plan : plans) {
                List<CaseHistories.Event> events = histories.history(plan);
                perCase.put(plan.caseId(), events.size());
                size += events.size();
                queue.add(new Cursor(plan, events, 0, new Random(plan.seed() ^ 0x1dL)));
            }
            List<DomainEventMessage<?>> messages = new ArrayList<>(size);
            while (!queue.isEmpty()) {
                Cursor c = queue.poll();
                CaseHistories.Event e = c.events().get(c.at());
                String id = CaseHistories.uuid(c.ids());
                // The command's id, as Axon's MessageOriginProvider passes it on to the events the command applied.
                String command = CaseHistories.uuid(c.ids());
                messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, c.plan().caseId(), c.at(), e.payload(),
                        MetaData.from(Map.of("tenant", c.plan().tenant(), "actor", e.actor(), "traceId", command,
                                "correlationId", command)), id, e.at()));
                if (c.at() + 1 < c.events().size()) {
                    queue.add(new Cursor(c.plan(), c.events(), c.at() + 1, c.ids()));
                }
            }
            return messages;
        }
    }
}
