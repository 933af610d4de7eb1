package de.kim.steering.config;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.steering.messaging.FactRecordChecks;
import de.kim.steering.messaging.SteeringEventsListener;
import de.kim.steering.query.FactsDatabase;
import de.kim.steering.query.MemoryFactStore;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import java.util.List;

/**
 * Steering's facts as a read model that knows its offsets and can be rebuilt: from the topics of
 * case management, the partners and the immigration office, replayed in memory
 * ({@link MemoryFactStore}) and written in bulk.
 */
@Configuration
public class SteeringReadModels {

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
                });
    }
}
