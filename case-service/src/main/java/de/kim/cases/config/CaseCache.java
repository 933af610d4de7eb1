package de.kim.cases.config;

import de.kim.cases.command.CaseAggregate;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cases commanded last, kept as they are in memory, so that the next command on one of them
 * does not load it from all its events first (Axon's {@code CachingEventSourcingRepository}). A
 * case of 500 events took a command 135 ms at the median instead of 9 ms for a young case
 * (docs/BENCHMARKS.md, "A command on a case with hundreds of events").
 *
 * <p>An entry is used only while the event store's last sequence number of the case is the
 * version it was cached at: another instance of case-service (the scale-out shape, one event
 * store) may have appended since, and then the case is loaded from its events as without a
 * cache. The check is one indexed query. A command that fails takes its case out of the cache
 * (Axon's repository, on rollback). At most {@code capacity} cases are held, the least recently
 * used leave first; the cached state holds the client's data sealed, as the events do.
 */
final class CaseCache implements Cache {

    private record Entry(Object value, long version) {
    }

    private final Supplier<Configuration> axon;
    private volatile EventStore events;
    private volatile AggregateModel<CaseAggregate> model;
    private final Map<Object, Entry> entries;

    /** @param axon Axon's configuration, asked when the first case is cached (it is built with this cache) */
    CaseCache(Supplier<Configuration> axon, int capacity) {
        this.axon = axon;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return null;
        }
        Optional<Long> stored = events().lastSequenceNumberFor(key.toString());
        if (stored.isEmpty() || stored.get() != entry.version()) {
            remove(key);
            return null;
        }
        return (V) entry.value();
    }

    @Override
    public void put(Object key, Object value) {
        Entry entry = new Entry(value, versionOf(value));
        synchronized (entries) {
            entries.put(key, entry);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Entry entry = new Entry(value, versionOf(value));
        synchronized (entries) {
            return entries.putIfAbsent(key, entry) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Nobody listens: the repository only gets, puts and removes. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    /** The version (last sequence number) of the case an entry holds, read through Axon's public API. */
    private long versionOf(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> cached)) {
            throw new IllegalArgumentException("the case cache holds cases only, not " + value.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        AggregateCacheEntry<CaseAggregate> entry = (AggregateCacheEntry<CaseAggregate>) cached;
        Long version = entry.recreateAggregate(model(), events(), NoSnapshotTriggerDefinition.INSTANCE).version();
        return version == null ? -1 : version;
    }

    private EventStore events() {
        if (events == null) {
            events = axon.get().eventStore();
        }
        return events;
    }

    private AggregateModel<CaseAggregate> model() {
        if (model == null) {
            Configuration configuration = axon.get();
            model = AnnotatedAggregateMetaModelFactory.inspectAggregate(CaseAggregate.class,
                    configuration.parameterResolverFactory(), configuration.handlerDefinition(CaseAggregate.class));
        }
        return model;
    }
}
