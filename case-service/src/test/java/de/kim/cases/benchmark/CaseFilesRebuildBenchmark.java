package de.kim.cases.benchmark;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.FollowUpScheduledEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedId;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.RebuildReport;
import de.kim.platform.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * How fast the case files are rebuilt from the event store. Appends a synthetic history of
 * {@code kim.bench.cases} invented cases (20,000 by default: each opened, with a need and a
 * follow-up, three events) to the event store, waits until the live processor has it, rebuilds
 * three times and writes the reports to {@code target/benchmark-case-files-rebuild.txt}. Run:
 * {@code mvn -B -o -pl case-service -am verify -Dkim.test.groups=benchmark -Dkim.test.excluded-groups=none
 * -Dtest=CaseFilesRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false "-Dkim.test.jvm=..."}.
 */
@Tag("benchmark")
@SpringBootTest
class CaseFilesRebuildBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    AxonReadModel caseFilesReadModel;
    @Autowired
    EventStore events;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    CaseTexts texts;

    @Test
    void rebuild_speed() throws Exception {
        int cases = Integer.getInteger("kim.bench.cases", 20_000);
        long appended = appendHistory(cases);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2))
                .until(() -> caseFilesReadModel.status().lag() != null && caseFilesReadModel.status().lag() == 0);
        StringBuilder out = new StringBuilder("appended events: " + appended + '\n');
        for (int run = 1; run <= 3; run++) {
            RebuildReport report = caseFilesReadModel.rebuild();
            out.append("run ").append(run).append(": ").append(report).append('\n');
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-case-files-rebuild.txt"), out);
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
            batch.add(message(id, 0, new CaseOpenedEvent(caseId, tenant, null, vault.seal(tenant, id, client), "Hilden",
                    TargetGroup.NEWLY_ARRIVED, AccessRoute.SELF, "cm-anna", day)));
            batch.add(message(id, 1, new NeedAssessedEvent(caseId, NeedId.random(), FieldOfAction.LANGUAGE,
                    Priority.HIGH, texts.seal(tenant, caseId, "Sprachkurs gesucht"), day)));
            batch.add(message(id, 2, new FollowUpScheduledEvent(caseId, FollowUpId.random(), day.plusDays(14),
                    texts.seal(tenant, caseId, "Nachfragen"), "cm-anna")));
            if (batch.size() >= 3_000) {
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
