package de.kim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.privacy.CaseTexts;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseFileProjection;
import de.kim.cases.query.CaseFileStore;
import de.kim.cases.query.FollowUpEntry;
import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.BlindIndexKeys;
import de.kim.platform.privacy.KeyEncryptionKeys;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded histories read as case-service's own: replayed from the event store into the
 * service's case-file projection (its event classes, serializer and vault), every case has a
 * file with the client's name unsealed, one version per event, and the search tokens the list's
 * name search finds it by.
 */
class SeedCasesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path data;

    @Test
    void the_case_file_projection_reads_the_seeded_histories_with_the_clients_unsealed() throws Exception {
        Properties seeded = seed();
        Path secrets = data.resolve("secrets").resolve("keystore");

        String events = "jdbc:h2:file:" + data.resolve("case-service").resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE";
        String keys = "jdbc:h2:file:" + data.resolve("keystore").resolve("keys") + ";AUTO_SERVER=TRUE";
        Map<String, CaseFile> files = new HashMap<>();
        try (HikariDataSource eventStore = SeedCases.pool(events, "sa", "", 2);
             HikariDataSource keyStore = SeedCases.pool(keys, "sa", "seed-test", 2)) {
            ObjectMapper json = SeedCases.objectMapper();
            PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(keyStore),
                    KeyEncryptionKeys.parse(Files.readString(secrets.resolve("kek")), "test"), null, json, Clock.systemUTC());
            Schemas.migrate(eventStore, "search-keys");
            BlindIndex index = new BlindIndex(new BlindIndexKeys(new JdbcTemplate(eventStore), vault, "kim_search_key",
                    "search-index:"));
            AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                    new CaseFileProjection(new FilesInMemory(files), vault, new CaseTexts(vault), index));
            JdbcEventStorageEngine engine = new SeedCases.Seeding(eventStore, json).engine();
            List<? extends TrackedEventMessage<?>> stored = engine.readEvents(null, false).toList();
            for (TrackedEventMessage<?> event : stored) {
                projection.handle(event);
            }
            assertThat((long) stored.size()).isEqualTo(Long.parseLong(seeded.getProperty("events")));

            assertThat(files).hasSize(41);
            Map<String, Long> perCase = stored.stream().collect(Collectors.groupingBy(
                    e -> ((org.axonframework.eventhandling.DomainEventMessage<?>) e).getAggregateIdentifier(),
                    Collectors.counting()));
            files.values().forEach(file -> {
                assertThat(file.client.familyName()).isIn(InventedPeople.FAMILY_NAMES);
                assertThat(file.client.givenName()).isIn(InventedPeople.GIVEN_NAMES);
                assertThat(file.version + 1).as("every event of %s applied", file.caseNumber).isEqualTo(perCase.get(file.id));
                assertThat(file.caseNumber).matches("KIM-20(1[6-9]|2[0-6])-\\d{5}");
                if (file.openedOn.isBefore(TODAY.minusDays(30))) {
                    assertThat(file.needs).as("needs assessed in %s", file.caseNumber).isNotEmpty();
                    assertThat(file.consents).as("consent recorded in %s", file.caseNumber).isNotEmpty();
                }
            });
            assertThat(files.values().stream().map(f -> f.tenant + f.caseNumber).distinct()).hasSize(41);

            CaseFile longCase = files.get(seeded.getProperty("long_case.id"));
            assertThat(longCase.client.familyName()).isEqualTo("Schröder");
            assertThat(longCase.assignee).isEqualTo(CasePlans.DEMO_CASE_MANAGER);
            assertThat(longCase.status).isEqualTo("OPEN");
            assertThat(longCase.contacts).hasSize(230);
            assertThat(longCase.contacts.get(0).note()).isNotBlank();
            // Found by the list's name search, umlaut folded: "Schrö" and "schroe" search as "schroe".
            assertThat(longCase.searchTokens).contains(index.nameToken("kreis-mettmann", "schroe"));
            assertThat(Long.parseLong(seeded.getProperty("events")) / 41.0).isBetween(14.0, 40.0);
            assertThat(files.values().stream().filter(f -> "CLOSED".equals(f.status))).isNotEmpty();
        }
    }

    @Test
    void closed_briefly_seeds_a_closed_case_with_its_opening_and_closure_and_an_open_one_whole() throws Exception {
        Properties seeded = seed("--closed-briefly");
        String events = "jdbc:h2:file:" + data.resolve("case-service").resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE";
        Map<String, List<Object>> perCase = new HashMap<>();
        try (HikariDataSource eventStore = SeedCases.pool(events, "sa", "", 2)) {
            new SeedCases.Seeding(eventStore, SeedCases.objectMapper()).engine().readEvents(null, false)
                    .forEach(e -> perCase.computeIfAbsent(((org.axonframework.eventhandling.DomainEventMessage<?>) e)
                            .getAggregateIdentifier(), id -> new ArrayList<>()).add(e.getPayload()));
        }
        assertThat(perCase).hasSize(41);
        assertThat(seeded.getProperty("closed_briefly")).isEqualTo("true");
        List<List<Object>> closed = perCase.values().stream()
                .filter(history -> history.get(history.size() - 1) instanceof CaseClosedEvent).toList();
        assertThat(closed).isNotEmpty().allSatisfy(history -> assertThat(history).hasSize(2)
                .first().isInstanceOf(CaseOpenedEvent.class));
        assertThat(perCase.get(seeded.getProperty("long_case.id"))).hasSizeGreaterThan(400);
    }

    @Test
    void more_long_cases_give_each_commanding_client_an_open_case_of_its_own_with_hundreds_of_events() throws Exception {
        Properties seeded = seed("--long-cases", "3", "--closed-briefly");
        String events = "jdbc:h2:file:" + data.resolve("case-service").resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE";
        Map<String, Long> perCase;
        try (HikariDataSource eventStore = SeedCases.pool(events, "sa", "", 2)) {
            perCase = new SeedCases.Seeding(eventStore, SeedCases.objectMapper()).engine().readEvents(null, false)
                    .collect(Collectors.groupingBy(e -> ((org.axonframework.eventhandling.DomainEventMessage<?>) e)
                            .getAggregateIdentifier(), Collectors.counting()));
        }
        List<String> longCases = List.of(seeded.getProperty("long_cases.ids").split(","));
        assertThat(perCase).hasSize(43);
        assertThat(longCases).hasSize(3).doesNotHaveDuplicates().startsWith(seeded.getProperty("long_case.id"));
        assertThat(longCases).allSatisfy(id -> assertThat(perCase.get(id)).isGreaterThan(400));
        assertThat(Long.parseLong(seeded.getProperty("long_cases.events_min")))
                .isEqualTo(longCases.stream().mapToLong(perCase::get).min().orElseThrow());
    }

    /** Seeds 41 cases (40 and the long one) into {@link #data} and answers the seeder's results. */
    private Properties seed(String... options) throws Exception {
        Path secrets = Files.createDirectories(data.resolve("secrets").resolve("keystore"));
        Files.writeString(secrets.resolve("kek"), KeyEncryptionKeys.newKeyText("local-1") + "\n");
        Files.writeString(secrets.resolve("password"), "seed-test");
        Path results = data.resolve("seed.properties");
        List<String> arguments = new ArrayList<>(List.of("--data", data.toString(), "--cases", "40",
                "--demo-open", "3", "--today", TODAY.toString(), "--threads", "2", "--batch", "7",
                "--out", results.toString()));
        arguments.addAll(List.of(options));
        assertThat(new CommandLine(new SeedCases()).execute(arguments.toArray(String[]::new))).isZero();
        Properties seeded = new Properties();
        seeded.load(Files.newBufferedReader(results));
        return seeded;
    }

    /** The case files in a map, as the projection's store. */
    private record FilesInMemory(Map<String, CaseFile> files) implements CaseFileStore {

        @Override
        public CaseFile find(String caseId) {
            return files.get(caseId);
        }

        @Override
        public boolean insert(CaseFile file) {
            return files.putIfAbsent(file.id, file) == null;
        }

        @Override
        public void save(CaseFile file) {
            files.put(file.id, file);
        }

        @Override
        public void followUpScheduled(FollowUpEntry entry) {
        }

        @Override
        public void followUpCompleted(String entryId, LocalDate completedOn) {
        }

        @Override
        public void followUpsHandedOver(String caseId, String from, String to) {
        }

        @Override
        public void followUpSubjectsErased(String caseId) {
        }
    }
}
