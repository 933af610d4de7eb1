package de.kim.platform.readmodel;

import org.axonframework.config.Configuration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A read model fed by an Axon tracking processor from the service's own event store, its
 * position in its own database ({@link MongoTokenStore}). A rebuild stops the processor, replays
 * the event store from its first event into a fresh database ({@link ReadModelReplay}), writes the
 * position reached there, switches to it and starts the processor again, which goes on from that
 * position. Queries read the database before until the switch.
 */
public class AxonReadModel implements ReadModel {

    private static final Logger log = LoggerFactory.getLogger(AxonReadModel.class);

    private final String name;
    private final String processingGroup;
    private final ReadModelDatabase database;
    private final MongoTokenStore tokens;
    private final ReadModelGaps gaps;
    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<EventStorageEngine> events;
    private final Function<MongoTemplate, ReadModelReplay> replays;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    /** Events a replay is handed at once to prepare ({@link ReadModelReplay#prepare}) before it applies them. */
    static final int PREPARED_BATCH = 500;

    /**
     * @param replays for a fresh database, the replay that fills it
     */
    public AxonReadModel(String name, String processingGroup, ReadModelDatabase database,
                         ObjectProvider<Configuration> axon, ObjectProvider<EventStorageEngine> events,
                         Function<MongoTemplate, ReadModelReplay> replays) {
        this.name = name;
        this.processingGroup = processingGroup;
        this.database = database;
        this.gaps = new ReadModelGaps(name);
        this.tokens = new MongoTokenStore(database, gaps);
        this.axon = axon;
        this.events = events;
        this.replays = replays;
    }

    /**
     * The processing group's token store, to register with Axon (not a bean: Axon's own JDBC token
     * store stays the default for every other processor). The group runs without a JDBC transaction:
     * with one, Axon stores a batch's token before it hands the batch to the handlers (the
     * transaction would make both one), and a token kept in MongoDB would then be ahead of the
     * documents if the process died in the batch; without, it stores the token after the handlers.
     * What the handlers held back for the batch ({@link WriteBehind}) is written before the token too.
     */
    public static ConfigurerModule tokenStoreOf(ObjectProvider<AxonReadModel> readModel, String processingGroup) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(processingGroup, c -> readModel.getObject().tokens.serializedBy(c.serializer()))
                .registerTransactionManager(processingGroup, c -> NoTransactionManager.instance())
                .registerHandlerInterceptor(processingGroup, c -> WriteBehind.beforeTheToken());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReadModelStatus status() {
        Long position = null;
        Long head = null;
        String active = null;
        try {
            active = database.activeName();
            position = tokens.position(processingGroup);
            TrackingToken headToken = axon.getObject().eventStore().createHeadToken();
            head = headToken == null ? -1L : headToken.position().orElse(-1);
        } catch (RuntimeException unreadable) {
            log.debug("read model {}: position or head not readable now", name, unreadable);
        }
        return ReadModelStatus.of(name, active, "event store", position, head, gaps.healed(), rebuilding.get());
    }

    @Override
    public synchronized RebuildReport rebuild() {
        Configuration configuration = axon.getObject();
        TrackingEventProcessor processor = configuration.eventProcessingConfiguration()
                .eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + processingGroup));
        rebuilding.set(true);
        processor.shutDown();
        try {
            int[] segments = tokens.fetchSegments(processingGroup);
            long start = System.nanoTime();
            MongoTemplate target = database.freshWithoutIndexes();
            ReadModelReplay replay = replays.apply(target);
            if (replay.queriesWhileReplaying()) {
                database.indexes(target);
            }
            long[] counted = {0};
            TrackingToken[] reached = {null};
            replay.replayAll(() -> {
                // Not blocking: the stream ends at the last event stored when it gets there.
                try (Stream<? extends TrackedEventMessage<?>> stream = this.events.getObject().readEvents(null, false)) {
                    Iterator<? extends TrackedEventMessage<?>> all = stream.iterator();
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(PREPARED_BATCH);
                    while (all.hasNext()) {
                        batch.clear();
                        while (all.hasNext() && batch.size() < PREPARED_BATCH) {
                            batch.add(all.next());
                        }
                        replay.prepare(batch);
                        for (TrackedEventMessage<?> event : batch) {
                            replay.apply(event);
                            reached[0] = event.trackingToken();
                            counted[0]++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("replay of " + name + " failed", e);
                }
            });
            long events = counted[0];
            TrackingToken last = reached[0];
            long replayed = System.nanoTime();
            long documents = replay.writeTo(target);
            tokens.writeRebuilt(target, processingGroup, segments, last);
            String previous = database.switchOnly(target);
            gaps.forget();
            RebuildReport report = RebuildReport.of(name, events, 0, documents, target.getDb().getName(), start,
                    replayed, System.nanoTime());
            log.info("read model rebuilt: {}", report);
            // Once the rebuilt one is live: dropping the one before is not part of the rebuild's time.
            database.dropUnlessHome(previous);
            return report;
        } catch (Exception e) {
            throw new IllegalStateException("rebuild of " + name + " failed", e);
        } finally {
            processor.start();
            rebuilding.set(false);
        }
    }
}
