package de.kim.platform.messaging;

import de.kim.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way a consumer reads integration events: one small handler per event type, in the
 * type's current version, and for each older version still on a topic a reader with an upgrade
 * to the current record, so the handler is written once.
 *
 * <pre>{@code
 * IntegrationEventHandlers<ReceivedEvent> handlers = IntegrationEventHandlers.<ReceivedEvent>builder("partner-case-events")
 *         .on(ReferralMade.TYPE, ReferralMade.class, this::referralMade)
 *             .upgrading(ReferralMade.VERSION_2, ReferralMade.Version2.class, (event, v2) -> v2.upgraded(null))
 *         .on(ClientErased.TYPE, ClientErased.class, this::clientErased)
 *         .build();
 * ...
 * handlers.dispatch(event, event);
 * }</pre>
 *
 * <p>What it does with a record it has no handler for:
 * <ul>
 * <li>a type it does not know: skipped and counted ({@link #skipped()}). A consumer is not
 * interested in every event on a topic; that is normal, logged at debug. Where the record's
 * header names the type ({@link KafkaEventPublisher#TYPE_HEADER}), {@link #skips} says so before
 * the record is parsed: most consumers read a few types of a topic that carries dozens.</li>
 * <li>a version it does not read of a type it knows (a newer publisher, or an old version nobody
 * wrote a reader for): refused with {@link UnprocessableRecordException}, so it goes to the
 * dead-letter topic instead of being retried forever or silently lost.</li>
 * <li>a handler or upgrade refusing the record ({@link UnprocessableRecordException}, e.g. an
 * unknown code through {@link RecordFields#code}): logged with ids only and passed on to the
 * dead-letter topic.</li>
 * </ul>
 * Any other exception of a handler (a store that is down) is thrown as it is, and retried.
 *
 * @param <C> what each handler is given besides the payload: the {@link ReceivedEvent} itself
 *            for most consumers, or a consumer's own object that holds the event and where it writes
 */
public final class IntegrationEventHandlers<C> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventHandlers.class);

    /** Applies one payload, already in its current version. */
    @FunctionalInterface
    public interface Handler<C, T> {
        void handle(C context, T payload);
    }

    /** Turns the payload of an older version into the record of the current one. */
    @FunctionalInterface
    public interface Upgrade<O, T> {
        T upgrade(ReceivedEvent event, O older);
    }

    /** How one version of one type is read: its payload record, then the handler (after an upgrade, for an older one). */
    private interface Reader<C> {
        void read(ReceivedEvent event, C context);
    }

    private final String consumer;
    private final Map<EventType, Reader<C>> readers;
    private final Map<String, Set<Integer>> versions = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();

    private IntegrationEventHandlers(String consumer, Map<EventType, Reader<C>> readers) {
        this.consumer = consumer;
        this.readers = Map.copyOf(readers);
        readers.keySet().forEach(type -> versions.computeIfAbsent(type.name(), name -> new TreeSet<>()).add(type.version()));
    }

    /** Starts the handlers of one consumer; its name appears in the log lines. */
    public static <C> Builder<C> builder(String consumer) {
        return new Builder<>(consumer);
    }

    /**
     * Hands the event's payload to the handler of its type and version, upgraded where it is an
     * older version; answers whether a handler took it (false: a type this consumer skips).
     */
    public boolean dispatch(ReceivedEvent event, C context) {
        String type = event.envelope().type();
        int version = event.envelope().version();
        Reader<C> reader = readers.get(new EventType(type, version));
        if (reader == null && !versions.containsKey(type)) {
            skipped.incrementAndGet();
            log.debug("{} skips {} v{} {}: not a type it reads", consumer, type, version, event.envelope().id());
            return false;
        }
        if (reader == null) {
            throw refused(event, "version " + version + " of " + type + " is not one this consumer reads "
                    + versions.get(type));
        }
        try {
            reader.read(event, context);
            return true;
        } catch (UnprocessableRecordException refusal) {
            throw refused(event, refusal.getMessage());
        }
    }

    /**
     * Reads a record with the handlers whose context is the event itself: skipped unparsed where its
     * header names a type they do not read ({@link #skips}), else decoded and dispatched.
     */
    public static void read(ConsumerRecord<String, String> record, EnvelopeCodec codec,
                            IntegrationEventHandlers<ReceivedEvent> handlers) {
        if (!handlers.skips(record)) {
            ReceivedEvent event = codec.decode(record.value());
            handlers.dispatch(event, event);
        }
    }

    /**
     * Whether the record is of a type this consumer does not read, by the type its header names:
     * then it is skipped (and counted) without being parsed. A record without that header is
     * parsed and dispatched as any other.
     */
    public boolean skips(ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader(KafkaEventPublisher.TYPE_HEADER);
        if (type == null || versions.containsKey(new String(type.value(), StandardCharsets.UTF_8))) {
            return false;
        }
        skipped.incrementAndGet();
        return true;
    }

    /** How many records of types this consumer does not read it has skipped since it started. */
    public long skipped() {
        return skipped.get();
    }

    private UnprocessableRecordException refused(ReceivedEvent event, String reason) {
        // Ids, type and codes only: the reason never quotes a payload's text.
        log.warn("{} refuses {} v{} {} of aggregate {} (to the dead-letter topic): {}", consumer,
                event.envelope().type(), event.envelope().version(), event.envelope().id(),
                event.envelope().aggregateId(), reason);
        return new UnprocessableRecordException(event.envelope().type() + " v" + event.envelope().version() + " "
                + event.envelope().id() + ": " + reason);
    }

    /** Collects the handlers; each type and version may be read once. */
    public static final class Builder<C> {

        private final String consumer;
        private final Map<EventType, Reader<C>> readers = new HashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** The handler of {@code type} (its current version), reading the payload as {@code payload}. */
        public <T> Current<C, T> on(EventType type, Class<T> payload, Handler<C, T> handler) {
            add(type, (event, context) -> handler.handle(context, event.data(payload)));
            return new Current<>(this, type, handler);
        }

        public IntegrationEventHandlers<C> build() {
            return new IntegrationEventHandlers<>(consumer, readers);
        }

        private void add(EventType type, Reader<C> reader) {
            if (readers.putIfAbsent(type, reader) != null) {
                throw new IllegalStateException(consumer + " reads " + type + " twice");
            }
        }
    }

    /** The handler just declared, to which readers of older versions of the same type can be added. */
    public static final class Current<C, T> {

        private final Builder<C> builder;
        private final EventType type;
        private final Handler<C, T> handler;

        private Current(Builder<C> builder, EventType type, Handler<C, T> handler) {
            this.builder = builder;
            this.type = type;
            this.handler = handler;
        }

        /** Also reads the older version {@code older}, as {@code payload}, upgraded to the current record. */
        public <O> Current<C, T> upgrading(EventType older, Class<O> payload, Upgrade<O, T> upgrade) {
            if (!older.name().equals(type.name()) || older.version() >= type.version()) {
                throw new IllegalArgumentException(older + " is not an older version of " + type);
            }
            builder.add(older, (event, context) -> handler.handle(context, upgrade.upgrade(event, event.data(payload))));
            return this;
        }

        public <U> Current<C, U> on(EventType next, Class<U> payload, Handler<C, U> nextHandler) {
            return builder.on(next, payload, nextHandler);
        }

        public IntegrationEventHandlers<C> build() {
            return builder.build();
        }
    }
}
