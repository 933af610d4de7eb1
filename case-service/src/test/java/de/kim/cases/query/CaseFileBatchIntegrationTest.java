package de.kim.cases.query;

import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.api.CaseHandedOverEvent;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.FollowUpCompletedEvent;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.FollowUpScheduledEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedId;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.testing.TestTokens;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case files written a batch at a time ({@link CaseFileBatch}) on the real Mongo-wire server:
 * the same files and follow-up list as written an event at a time, in a few bulk writes, and a batch
 * delivered again after its writes changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(WriteCommands.Counting.class)
class CaseFileBatchIntegrationTest {

    private static final Set<String> CASE_FILE_COLLECTIONS = Set.of("case_files", "follow_ups");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    CaseFileProjection projection;
    @Autowired
    MongoCaseFileStore store;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    CaseTexts texts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Configuration axon;
    @Autowired
    EventStore events;
    @Autowired
    AxonReadModel caseFilesReadModel;
    @Autowired
    WriteCommands writes;

    @Test
    void a_batch_of_one_case_gives_the_file_and_follow_ups_of_an_event_at_a_time_in_few_writes() throws Exception {
        CaseId caseId = CaseId.random();
        List<DomainEventMessage<?>> history = history(caseId);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory());

        long before = writes.to(CASE_FILE_COLLECTIONS);
        for (EventMessage<?> event : history) {
            handlers.handle(event);
        }
        long oneAtATime = writes.to(CASE_FILE_COLLECTIONS) - before;
        Document file = caseFile(caseId);
        List<Document> followUps = followUps(caseId);
        assertThat(followUps).hasSize(3);
        mongo.remove(Query.query(Criteria.where("_id").is(caseId.value())), CaseFile.class);
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId.value())), FollowUpEntry.class);

        EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(CaseFileDatabase.READ_MODEL)
                .orElseThrow();
        processor.shutDown();
        events.publish(history);
        before = writes.to(CASE_FILE_COLLECTIONS);
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(0).equals(caseFilesReadModel.status().lag()));
        long batched = writes.to(CASE_FILE_COLLECTIONS) - before;

        assertThat(caseFile(caseId)).as("the case file").isEqualTo(file);
        assertThat(followUps(caseId)).as("the follow-ups").isEqualTo(followUps);
        assertThat(oneAtATime).as("writes an event at a time").isGreaterThanOrEqualTo(history.size());
        assertThat(batched).as("bulk writes for the batch of %d events", history.size()).isBetween(1L, 3L);
    }

    @Test
    void a_batch_delivered_again_after_its_writes_changes_nothing() throws Exception {
        CaseId caseId = CaseId.random();
        List<DomainEventMessage<?>> history = history(caseId);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory());
        inOneBatch(history, handlers);
        Document file = caseFile(caseId);
        List<Document> followUps = followUps(caseId);
        assertThat(file.getLong("version")).isEqualTo(history.size() - 1);

        long before = writes.to(CASE_FILE_COLLECTIONS);
        inOneBatch(history, handlers);

        assertThat(caseFile(caseId)).isEqualTo(file);
        assertThat(followUps(caseId)).isEqualTo(followUps);
        assertThat(writes.to(CASE_FILE_COLLECTIONS) - before).as("writes for the batch delivered again").isZero();
    }

    @Test
    void in_a_unit_of_work_the_files_are_held_back_and_an_id_is_inserted_once() {
        CaseFile stored = file("stored-" + CaseId.random().value());
        assertThat(store.insert(stored)).isTrue();
        CaseFile fresh = file("fresh-" + CaseId.random().value());

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
        assertThat(store.insert(fresh)).isTrue();
        assertThat(store.insert(file(fresh.id))).as("an id the batch has").isFalse();
        assertThat(store.insert(file(stored.id))).as("an id the database has").isFalse();
        CaseFile changed = store.find(fresh.id);
        changed.assignee = "cm-ben";
        changed.version = 1;
        store.save(changed);
        assertThat(store.find(fresh.id).assignee).as("read from the batch").isEqualTo("cm-ben");
        assertThat(mongo.findById(fresh.id, CaseFile.class)).as("in the database before the commit").isNull();
        unitOfWork.commit();

        CaseFile written = mongo.findById(fresh.id, CaseFile.class);
        assertThat(written.assignee).isEqualTo("cm-ben");
        assertThat(written.version).isEqualTo(1);
        assertThat(mongo.findById(stored.id, CaseFile.class).assignee).as("the file there before").isEqualTo("cm-anna");
    }

    /** The events in one unit of work, as a processor hands them over in a batch, with no processor around. */
    private static void inOneBatch(List<DomainEventMessage<?>> history, AnnotationEventHandlerAdapter handlers) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(history));
        ResultMessage<?> result = batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
    }

    private List<DomainEventMessage<?>> history(CaseId caseId) {
        String tenant = TestTokens.TENANT;
        String id = caseId.value();
        LocalDate day = LocalDate.of(2026, 11, 2);
        ClientProfile client = new ClientProfile("Nour", "Erfunden", LocalDate.of(1991, 3, 4), "SYR", List.of("ar"),
                "Hilden", null);
        FollowUpId first = FollowUpId.random();
        FollowUpId second = FollowUpId.random();
        FollowUpId third = FollowUpId.random();
        List<Object> payloads = List.of(
                new CaseOpenedEvent(caseId, tenant, "KIM-2026-00011", vault.seal(tenant, id, client), "Hilden",
                        TargetGroup.NEWLY_ARRIVED, AccessRoute.SELF, "cm-anna", day),
                new NeedAssessedEvent(caseId, NeedId.random(), FieldOfAction.LANGUAGE, Priority.HIGH,
                        texts.seal(tenant, caseId, "Sprachkurs gesucht"), day),
                new FollowUpScheduledEvent(caseId, first, day.plusDays(7), texts.seal(tenant, caseId, "Anrufen"), "cm-anna"),
                new FollowUpScheduledEvent(caseId, second, day.plusDays(14), texts.seal(tenant, caseId, "Nachfragen"),
                        "cm-anna"),
                new CaseHandedOverEvent(caseId, "cm-anna", "cm-ben", texts.seal(tenant, caseId, "Urlaub")),
                new FollowUpCompletedEvent(caseId, first, day.plusDays(8)),
                new FollowUpScheduledEvent(caseId, third, day.plusDays(21), null, "cm-ben"),
                new CaseClosedEvent(caseId, CaseOutcome.GOALS_REACHED, null, day.plusDays(30)));
        return java.util.stream.IntStream.range(0, payloads.size())
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("CaseAggregate", id, i, payloads.get(i)))
                .toList();
    }

    private Document caseFile(CaseId caseId) {
        return mongo.findById(caseId.value(), Document.class, mongo.getCollectionName(CaseFile.class));
    }

    private List<Document> followUps(CaseId caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId.value())).with(Sort.by("_id")), Document.class,
                mongo.getCollectionName(FollowUpEntry.class));
    }

    private static CaseFile file(String id) {
        CaseFile file = new CaseFile();
        file.id = id;
        file.tenant = TestTokens.TENANT;
        file.assignee = "cm-anna";
        file.status = "OPEN";
        file.openedOn = LocalDate.of(2026, 11, 2);
        return file;
    }
}
