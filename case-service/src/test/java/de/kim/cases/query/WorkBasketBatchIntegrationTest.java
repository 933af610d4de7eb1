package de.kim.cases.query;

import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.api.CaseHandedOverEvent;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.FollowUpCompletedEvent;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.FollowUpScheduledEvent;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.CaseOutcome;
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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The work baskets written a batch at a time ({@link WorkBasketBatch}) on the real Mongo-wire server:
 * the same items and case managers as written an event at a time, in a few bulk writes, and a batch
 * delivered again after its writes changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(WriteCommands.Counting.class)
class WorkBasketBatchIntegrationTest {

    private static final Set<String> WORK_BASKET_COLLECTIONS = Set.of("work_basket", "work_basket_case_managers");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    WorkBasketProjection projection;
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
    AxonReadModel workBasketReadModel;
    @Autowired
    WriteCommands writes;

    @Test
    void a_batch_of_one_case_gives_the_items_of_an_event_at_a_time_in_few_writes() throws Exception {
        CaseId caseId = CaseId.random();
        List<DomainEventMessage<?>> history = history(caseId);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory());

        long before = writes.to(WORK_BASKET_COLLECTIONS);
        for (EventMessage<?> event : history) {
            handlers.handle(event);
        }
        long oneAtATime = writes.to(WORK_BASKET_COLLECTIONS) - before;
        Document manager = manager(caseId);
        List<Document> items = items(caseId);
        assertThat(items).hasSize(3);
        assertThat(items).extracting(item -> item.getString("assignee")).containsExactly("cm-anna", "cm-ben", "cm-ben");
        mongo.remove(Query.query(Criteria.where("_id").is(caseId.value())), WorkBasketProjection.CaseManager.class);
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId.value())), WorkBasketItem.class);

        EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(WorkBasketDatabase.READ_MODEL)
                .orElseThrow();
        processor.shutDown();
        events.publish(history);
        before = writes.to(WORK_BASKET_COLLECTIONS);
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(0).equals(workBasketReadModel.status().lag()));
        long batched = writes.to(WORK_BASKET_COLLECTIONS) - before;

        assertThat(manager(caseId)).as("the case manager").isEqualTo(manager);
        assertThat(items(caseId)).as("the items").isEqualTo(items);
        assertThat(oneAtATime).as("writes an event at a time").isGreaterThanOrEqualTo(history.size());
        assertThat(batched).as("bulk writes for the batch of %d events", history.size()).isBetween(1L, 2L);
    }

    @Test
    void a_batch_delivered_again_after_its_writes_changes_nothing() throws Exception {
        CaseId caseId = CaseId.random();
        List<DomainEventMessage<?>> history = history(caseId);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory());
        inOneBatch(history, handlers);
        Document manager = manager(caseId);
        List<Document> items = items(caseId);
        assertThat(items).hasSize(3);

        inOneBatch(history, handlers);

        assertThat(manager(caseId)).isEqualTo(manager);
        assertThat(items(caseId)).isEqualTo(items);
    }

    /** The events in one unit of work, as a processor hands them over in a batch, with no processor around. */
    private static void inOneBatch(List<DomainEventMessage<?>> history, AnnotationEventHandlerAdapter handlers) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(history));
        ResultMessage<?> result = batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
    }

    /**
     * A case whose follow-ups go to its case manager: one done before a hand-over (it stays), one
     * handed over and done with the case's closing, and one scheduled after the hand-over without a
     * name (so for the case manager of then).
     */
    private List<DomainEventMessage<?>> history(CaseId caseId) {
        String tenant = TestTokens.TENANT;
        String id = caseId.value();
        LocalDate day = LocalDate.of(2026, 11, 2);
        ClientProfile client = new ClientProfile("Samir", "Erfunden", LocalDate.of(1988, 5, 6), "IRQ", List.of("ar"),
                "Ratingen", null);
        FollowUpId first = FollowUpId.random();
        FollowUpId second = FollowUpId.random();
        List<Object> payloads = List.of(
                new CaseOpenedEvent(caseId, tenant, "KIM-2026-00012", vault.seal(tenant, id, client), "Ratingen",
                        TargetGroup.NEWLY_ARRIVED, AccessRoute.SELF, "cm-anna", day),
                new FollowUpScheduledEvent(caseId, first, day.plusDays(7), texts.seal(tenant, caseId, "Anrufen"), "cm-anna"),
                new FollowUpScheduledEvent(caseId, second, day.plusDays(14), null, "cm-anna"),
                new FollowUpCompletedEvent(caseId, first, day.plusDays(8)),
                new CaseHandedOverEvent(caseId, "cm-anna", "cm-ben", null),
                new FollowUpScheduledEvent(caseId, FollowUpId.random(), day.plusDays(21), null, null),
                new CaseClosedEvent(caseId, CaseOutcome.GOALS_REACHED, null, day.plusDays(30)));
        return IntStream.range(0, payloads.size())
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("CaseAggregate", id, i, payloads.get(i)))
                .toList();
    }

    private Document manager(CaseId caseId) {
        return mongo.findById(caseId.value(), Document.class, mongo.getCollectionName(WorkBasketProjection.CaseManager.class));
    }

    private List<Document> items(CaseId caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId.value())).with(Sort.by("dueOn")), Document.class,
                mongo.getCollectionName(WorkBasketItem.class));
    }
}
