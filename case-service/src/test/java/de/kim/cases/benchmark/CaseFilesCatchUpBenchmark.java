package de.kim.cases.benchmark;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.FollowUpCompletedEvent;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.FollowUpScheduledEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedId;
import de.kim.cases.privacy.CaseTexts;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseFileDatabase;
import de.kim.cases.query.FollowUpEntry;
import de.kim.cases.query.WorkBasketDatabase;
import de.kim.cases.query.WorkBasketItem;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.local.EmbeddedInfra;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.ReadModelStatus;
import de.kim.platform.testing.TestTokens;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the live case-files (and work-basket) processor catches up on events it is behind on, with its read model
 * on a Mongo-wire server that keeps its data in a file (every write acknowledged after a durable
 * commit, as in the embedded default; the shared test server keeps memory only). Stops every
 * processor, appends {@code kim.bench.cases} invented cases (1,250 by default: each opened, with a
 * need and a follow-up scheduled and completed, four events), then starts the case-files processor
 * alone and times it until its position is the event store's head, then the work-basket processor
 * likewise. Writes the figures to
 * {@code target/benchmark-case-files-catch-up.txt}. Run:
 * {@code mvn -B -o -pl case-service -am verify -Dkim.test.groups=benchmark -Dkim.test.excluded-groups=none
 * -Dtest=CaseFilesCatchUpBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CaseFilesCatchUpBenchmark {

    private static MongoWireServer durable;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("kim-catch-up-").resolve("read-models.mv.db");
        durable = new MongoWireServer(Ports.freePort(), file).start();
        EmbeddedInfra.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.data.mongodb.uri", durable::connectionString);
        TestTokens.registerIssuer(registry);
    }

    @AfterAll
    static void stop() {
        durable.stop();
    }

    @Autowired
    AxonReadModel caseFilesReadModel;
    @Autowired
    AxonReadModel workBasketReadModel;
    @Autowired
    Configuration axon;
    @Autowired
    EventStore events;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    CaseTexts texts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void catch_up_speed() throws Exception {
        int cases = Integer.getInteger("kim.bench.cases", 1_250);
        axon.eventProcessingConfiguration().eventProcessors().values().forEach(EventProcessor::shutDown);
        long appended = appendHistory(cases);
        String out = catchUp(CaseFileDatabase.READ_MODEL, caseFilesReadModel, appended)
                + catchUp(WorkBasketDatabase.READ_MODEL, workBasketReadModel, appended);
        assertThat(mongo.count(new Query(), CaseFile.class)).as("case files").isEqualTo(cases);
        assertThat(mongo.count(Query.query(Criteria.where("completedOn").ne(null)), FollowUpEntry.class))
                .as("follow-ups done").isEqualTo(cases);
        assertThat(mongo.count(Query.query(Criteria.where("done").is(true)), WorkBasketItem.class))
                .as("work-basket items done").isEqualTo(cases);
        System.out.print(out);
        Files.writeString(Path.of("target", "benchmark-case-files-catch-up.txt"), out);
    }

    /** Starts the processor alone and times it until it has every event. */
    private String catchUp(String processorName, AxonReadModel readModel, long events) {
        EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(processorName).orElseThrow();
        long start = System.nanoTime();
        processor.start();
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() -> caughtUp(readModel));
        double seconds = (System.nanoTime() - start) / 1e9;
        processor.shutDown();
        return String.format(Locale.ROOT, "%s processor caught up on %d events in %.1f s: %.0f events/s%n",
                processorName, events, seconds, events / seconds);
    }

    private static boolean caughtUp(AxonReadModel readModel) {
        ReadModelStatus status = readModel.status();
        return status.lag() != null && status.lag() == 0;
    }

    private long appendHistory(int cases) {
        String tenant = TestTokens.TENANT;
        LocalDate day = LocalDate.of(2026, 11, 2);
        ClientProfile client = new ClientProfile("Testa", "Erfunden", LocalDate.of(1990, 1, 1), "SYR", List.of("ar"),
                "Hilden", null);
        long count = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            CaseId caseId = CaseId.random();
            String id = caseId.value();
            FollowUpId followUp = FollowUpId.random();
            batch.add(message(id, 0, new CaseOpenedEvent(caseId, tenant, null, vault.seal(tenant, id, client), "Hilden",
                    TargetGroup.NEWLY_ARRIVED, AccessRoute.SELF, "cm-anna", day)));
            batch.add(message(id, 1, new NeedAssessedEvent(caseId, NeedId.random(), FieldOfAction.LANGUAGE,
                    Priority.HIGH, texts.seal(tenant, caseId, "Sprachkurs gesucht"), day)));
            batch.add(message(id, 2, new FollowUpScheduledEvent(caseId, followUp, day.plusDays(14),
                    texts.seal(tenant, caseId, "Nachfragen"), "cm-anna")));
            batch.add(message(id, 3, new FollowUpCompletedEvent(caseId, followUp, day.plusDays(15))));
            if (batch.size() >= 2_000) {
                count += batch.size();
                events.publish(batch);
                batch.clear();
            }
        }
        count += batch.size();
        events.publish(batch);
        return count;
    }

    private static DomainEventMessage<?> message(String caseId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("CaseAggregate", caseId, sequence, payload);
    }
}
