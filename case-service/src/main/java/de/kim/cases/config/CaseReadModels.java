package de.kim.cases.config;

import de.kim.cases.command.CaseAggregate;
import de.kim.cases.messaging.PartnerDirectoryListener;
import de.kim.platform.privacy.BlindIndex;
import de.kim.cases.privacy.CaseTexts;
import de.kim.cases.query.CaseFileDatabase;
import de.kim.cases.query.CaseFileProjection;
import de.kim.cases.query.HandoverRequests;
import de.kim.cases.query.HandoverRequestsDatabase;
import de.kim.cases.query.HandoverRequestsReadModel;
import de.kim.cases.query.HandoverRequestsWrites;
import de.kim.cases.query.MemoryCaseFileStore;
import de.kim.cases.query.PartnerDirectoryDatabase;
import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.readmodel.ReadModelReplay;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import java.util.List;

/**
 * case-service's read models that know their position and can be rebuilt: the case files with the
 * follow-up list (processing group {@code case-files}), their position kept with them in their
 * database; the partner directory, from {@code kim.partner.v1} ({@link PartnerDirectoryListener}),
 * its offsets kept with it; the hand-over requests ({@link HandoverRequestsReadModel}). The other processors (hand-over intake, key shredder, Kafka publication) keep theirs
 * in the event store's token table. A rebuild holds at most {@code kim.read-models.case-files.files-in-memory}
 * case files in memory (10,000 by default, a small part of a 256 MB heap) before it writes them.
 */
@org.springframework.context.annotation.Configuration
public class CaseReadModels {

    private static final String CASE_AGGREGATE = CaseAggregate.class.getSimpleName();

    @Bean
    public ConfigurerModule caseFilesTokenStore(ObjectProvider<AxonReadModel> caseFilesReadModel) {
        return AxonReadModel.tokenStoreOf(caseFilesReadModel, CaseFileDatabase.READ_MODEL);
    }

    @Bean
    public AxonReadModel caseFilesReadModel(CaseFileDatabase database, ObjectProvider<Configuration> axon,
                                            ObjectProvider<EventStorageEngine> events, PersonalDataVault vault,
                                            CaseTexts texts, BlindIndex index,
                                            @Value("${kim.read-models.case-files.files-in-memory:10000}") int inMemory) {
        return new AxonReadModel(CaseFileDatabase.READ_MODEL, CaseFileDatabase.READ_MODEL, database, axon, events, target -> {
                    MemoryCaseFileStore memory = new MemoryCaseFileStore(target, inMemory);
                    return ReadModelReplay.through(new CaseFileProjection(memory, vault, texts, index),
                            axon.getObject().parameterResolverFactory(), written -> {
                                memory.flush();
                                return memory.documents();
                            }).preparing(batch -> vault.prefetchKeys(casesOf(batch))).runningIn(vault::withKeysCached)
                            .writingAtItsEnd();
                });
    }

    /**
     * The case-files processor reads the data keys of a batch's persons in a few queries as the batch
     * begins, and each person's key once in the batch, as a rebuild does: opening each sealed value
     * asked the key store (another process) once, several times per event. The cache ends with the
     * batch's unit of work. A key shredded during the batch stays readable to the rest of that batch
     * only; the file's erasure itself comes as an event of the case and empties it whatever the keys.
     */
    @Bean
    public ConfigurerModule caseFilesKeysPerBatch(PersonalDataVault vault) {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(CaseFileDatabase.READ_MODEL, c -> keysPerBatch(vault));
    }

    static MessageHandlerInterceptor<EventMessage<?>> keysPerBatch(PersonalDataVault vault) {
        return (unitOfWork, chain) -> {
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
                PersonalDataVault.KeysCached keys = vault.cachingKeys();
                unitOfWork.onCleanup(done -> keys.close());
                // A batch of one event (a command's, as the processor follows live) reads its key when it opens
                // a value, if it has any: read ahead, it would cost a query for every event that opens none.
                if (batch.getMessages().size() > 1) {
                    vault.prefetchKeys(casesOf(batch.getMessages().stream()
                            .map(message -> (EventMessage<?>) message).toList()));
                }
            }
            return chain.proceed();
        };
    }

    /** The cases of a batch of events: the key-store subjects of their clients' data. */
    static List<String> casesOf(List<? extends EventMessage<?>> batch) {
        return batch.stream().filter(event -> event instanceof DomainEventMessage<?> domain
                        && CASE_AGGREGATE.equals(domain.getType()))
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).toList();
    }

    @Bean
    public KafkaReadModel partnerDirectoryReadModel(PartnerDirectoryDatabase database,
                                                    ConsumerFactory<String, String> consumers,
                                                    KafkaListenerEndpointRegistry listeners, EnvelopeCodec codec) {
        return new KafkaReadModel(PartnerDirectoryDatabase.READ_MODEL, List.of(Topics.PARTNER),
                PartnerDirectoryListener.ID, database, consumers, listeners,
                target -> PartnerDirectoryListener.replayInto(target, codec));
    }

    @Bean
    public HandoverRequestsWrites handoverRequestsWrites(HandoverRequests requests) {
        return new HandoverRequestsWrites(requests);
    }

    @Bean
    public HandoverRequestsReadModel handoverRequestsReadModel(HandoverRequestsDatabase database,
                                                               HandoverRequestsWrites writes,
                                                               ObjectProvider<Configuration> axon,
                                                               ObjectProvider<EventStorageEngine> events) {
        return new HandoverRequestsReadModel(database, writes, axon, events);
    }
}
