package de.kim.cases.query;

import de.kim.platform.readmodel.ReadModel;
import de.kim.platform.readmodel.ReadModelReplay;
import de.kim.platform.readmodel.ReadModelStatus;
import de.kim.platform.readmodel.RebuildReport;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The hand-over requests as a read model that can be rebuilt. Their projection is a subscribing
 * one: each request is written in the unit of work of the command whose event it shows, and a
 * write that fails fails the command. So the requests are never behind the event store, and their
 * position is its head. What the store loses behind the service's back (a restore from an older
 * backup, say) comes back with a rebuild: it replays the event store into a fresh database while
 * the lead's list reads the one before, then, between two writes of the projection, switches, makes
 * the events stored since the replay's end and the writes made meanwhile there too, and goes on.
 */
public class HandoverRequestsReadModel implements ReadModel {

    private static final Logger log = LoggerFactory.getLogger(HandoverRequestsReadModel.class);

    private final HandoverRequestsDatabase database;
    private final HandoverRequestsWrites writes;
    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<EventStorageEngine> events;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public HandoverRequestsReadModel(HandoverRequestsDatabase database, HandoverRequestsWrites writes,
                                     ObjectProvider<Configuration> axon, ObjectProvider<EventStorageEngine> events) {
        this.database = database;
        this.writes = writes;
        this.axon = axon;
        this.events = events;
    }

    @Override
    public String name() {
        return HandoverRequestsDatabase.READ_MODEL;
    }

    @Override
    public ReadModelStatus status() {
        Long head = null;
        String active = null;
        try {
            active = database.activeName();
            TrackingToken headToken = axon.getObject().eventStore().createHeadToken();
            head = headToken == null ? -1L : headToken.position().orElse(-1);
        } catch (RuntimeException unreadable) {
            log.debug("read model {}: head not readable now", name(), unreadable);
        }
        return ReadModelStatus.of(name(), active, "event store (written with each command)", head, head, 0,
                rebuilding.get());
    }

    @Override
    public synchronized RebuildReport rebuild() {
        rebuilding.set(true);
        writes.keepForRebuild();
        try {
            long start = System.nanoTime();
            // Written durably, not as a bulk load: the writes kept during the rebuild are made here once
            // it is live, and they were acknowledged to the commands that made them.
            MongoTemplate target = database.durable(database.fresh());
            HandoverRequests rebuilt = HandoverRequests.pinnedTo(target);
            ReadModelReplay replay = ReadModelReplay.through(
                    new HandoverRequestsProjection(new HandoverRequestsWrites(rebuilt)),
                    axon.getObject().parameterResolverFactory(),
                    written -> written.count(new Query(), HandoverRequests.HandoverRequest.class));
            long[] counted = {0};
            TrackingToken last = replay(replay, null, counted);
            long replayed = System.nanoTime();
            String[] previous = new String[1];
            writes.switchOver(() -> {
                replay(replay, last, counted);
                previous[0] = database.switchOnly(target);
            }, rebuilt);
            RebuildReport report = RebuildReport.of(name(), counted[0], 0, replay.writeTo(target),
                    target.getDb().getName(), start, replayed, System.nanoTime());
            log.info("read model rebuilt: {}", report);
            database.dropUnlessHome(previous[0]);
            return report;
        } catch (RuntimeException e) {
            writes.stopKeeping();
            throw new IllegalStateException("rebuild of " + name() + " failed", e);
        } finally {
            rebuilding.set(false);
        }
    }

    /** Applies the events stored after {@code from} (null: all); answers the token of the last one. */
    private TrackingToken replay(ReadModelReplay replay, TrackingToken from, long[] counted) {
        TrackingToken reached = from;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.getObject().readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> all = stream.iterator();
            while (all.hasNext()) {
                TrackedEventMessage<?> event = all.next();
                replay.apply(event);
                reached = event.trackingToken();
                counted[0]++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("replay of " + name() + " failed", e);
        }
        return reached;
    }
}
