package de.kim.steering.config;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;
import com.mongodb.client.MongoClient;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.readmodel.ReadModelReplay;
import de.kim.steering.query.ActionPlanProjection;
import de.kim.steering.query.ActionPlanView;
import de.kim.steering.query.PlanVersionView;
import de.kim.steering.query.groups.DecisionView;
import de.kim.steering.query.groups.GroupView;
import de.kim.steering.query.groups.MeetingView;
import de.kim.steering.query.groups.SteeringGroupProjection;
import de.kim.steering.query.groups.TaskView;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Query;
import de.kim.steering.messaging.FactRecordChecks;
import de.kim.steering.messaging.SteeringEventsListener;
import de.kim.steering.query.FactsDatabase;
import de.kim.steering.query.MemoryFactStore;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import java.util.List;

/**
 * Steering's read models that know their position and can be rebuilt: the facts, from the topics
 * of case management, the partners and the immigration office, replayed in memory
 * ({@link MemoryFactStore}) and written in bulk; the action plan with its versions, and the
 * groups with their meetings, decisions and tasks, from steering's event store (processing groups
 * {@code action-plan} and {@code steering-groups}).
 */
@org.springframework.context.annotation.Configuration
public class SteeringReadModels {

    public static final String ACTION_PLAN = "action-plan";

    @Bean
    public ReadModelDatabase actionPlanDatabase(MongoClient client, MongoTemplate home) {
        return new ReadModelDatabase(client, home, ACTION_PLAN, ActionPlanView.class, PlanVersionView.class);
    }

    @Bean
    public ConfigurerModule actionPlanTokenStore(ObjectProvider<AxonReadModel> actionPlanReadModel) {
        return AxonReadModel.tokenStoreOf(actionPlanReadModel, ACTION_PLAN);
    }

    /** The action plan, from steering's own event store, replayed straight into the fresh database. */
    @Bean
    public AxonReadModel actionPlanReadModel(@Qualifier("actionPlanDatabase") ReadModelDatabase database,
                                             ObjectProvider<Configuration> axon,
                                             ObjectProvider<EventStorageEngine> events) {
        return new AxonReadModel(ACTION_PLAN, ACTION_PLAN, database, axon, events,
                target -> ReadModelReplay.through(new ActionPlanProjection(ReadModelDatabase.pinnedTo(target)),
                        axon.getObject().parameterResolverFactory(),
                        written -> written.count(new Query(), ActionPlanView.class)));
    }

    @Bean
    public ReadModelDatabase steeringGroupsDatabase(MongoClient client, MongoTemplate home) {
        return new ReadModelDatabase(client, home, SteeringGroupProjection.READ_MODEL, GroupView.class,
                MeetingView.class, DecisionView.class, TaskView.class);
    }

    @Bean
    public ConfigurerModule steeringGroupsTokenStore(ObjectProvider<AxonReadModel> steeringGroupsReadModel) {
        return AxonReadModel.tokenStoreOf(steeringGroupsReadModel, SteeringGroupProjection.READ_MODEL);
    }

    /** The groups, meetings, decisions and tasks, from steering's own event store, replayed straight into the fresh database. */
    @Bean
    public AxonReadModel steeringGroupsReadModel(@Qualifier("steeringGroupsDatabase") ReadModelDatabase database,
                                                 ObjectProvider<Configuration> axon,
                                                 ObjectProvider<EventStorageEngine> events) {
        return new AxonReadModel(SteeringGroupProjection.READ_MODEL, SteeringGroupProjection.READ_MODEL, database, axon,
                events, target -> ReadModelReplay.through(new SteeringGroupProjection(ReadModelDatabase.pinnedTo(target)),
                        axon.getObject().parameterResolverFactory(),
                        written -> written.count(new Query(), DecisionView.class)
                                + written.count(new Query(), MeetingView.class)));
    }

    @Bean
    public KafkaReadModel factsReadModel(FactsDatabase database, ConsumerFactory<String, String> consumers,
                                         KafkaListenerEndpointRegistry listeners, EnvelopeCodec codec,
                                         SteeringProjection projection) {
        return new KafkaReadModel(FactsDatabase.READ_MODEL, List.of(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION),
                SteeringEventsListener.ID, database, consumers, listeners, target -> new KafkaReadModel.Replay() {
                    private final MemoryFactStore memory = new MemoryFactStore();

                    @Override
                    public boolean apply(ConsumerRecord<String, String> record) {
                        try {
                            ReceivedEvent event = codec.decode(record.value());
                            FactRecordChecks.check(event);
                            projection.apply(event, memory);
                            return true;
                        } catch (MalformedEnvelopeException | UnprocessableRecordException unreadable) {
                            return false;
                        }
                    }

                    @Override
                    public long writeTo(MongoTemplate mongo) {
                        memory.writeTo(mongo);
                        return memory.size();
                    }

                    @Override
                    public boolean queriesWhileReplaying() {
                        return false;
                    }
                });
    }
}
