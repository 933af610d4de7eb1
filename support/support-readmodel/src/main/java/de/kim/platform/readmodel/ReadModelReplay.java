package de.kim.platform.readmodel;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One rebuild's replay of an Axon-fed read model: it takes the events of the store one by one
 * (into memory, or straight into the fresh database) and at the end writes what it holds to the
 * fresh database, answering how many documents that has.
 */
public interface ReadModelReplay {

    void apply(EventMessage<?> event) throws Exception;

    long writeTo(MongoTemplate target);

    /**
     * Whether the replay queries its fresh database by more than ids before its end (a projection that
     * writes as it goes): then the database gets its indexes before the replay, else at the switch
     * ({@link ReadModelDatabase#freshWithoutIndexes}).
     */
    default boolean queriesWhileReplaying() {
        return true;
    }

    /** This replay, declared to write its documents at its end and to look them up by id only before. */
    default ReadModelReplay writingAtItsEnd() {
        return new Wrapper(this, this::replayAll, this::prepare) {
            @Override
            public boolean queriesWhileReplaying() {
                return false;
            }
        };
    }

    /** Runs the loop that applies every event; a replay may wrap it (e.g. to cache keys for it). */
    default void replayAll(Runnable loop) {
        loop.run();
    }

    /**
     * Called with each batch of events before they are applied one by one, so that a replay can
     * fetch what the batch needs in one go (e.g. the data keys of its persons) instead of per event.
     */
    default void prepare(List<? extends EventMessage<?>> batch) {
    }

    /** This replay, its loop run inside {@code around}. */
    default ReadModelReplay runningIn(Consumer<Runnable> around) {
        return new Wrapper(this, around, this::prepare);
    }

    /** This replay, each batch handed to {@code preparation} before it is applied. */
    default ReadModelReplay preparing(Consumer<List<? extends EventMessage<?>>> preparation) {
        return new Wrapper(this, this::replayAll, preparation);
    }

    /** A replay that delegates to another, with its own loop and preparation. */
    class Wrapper implements ReadModelReplay {
        private final ReadModelReplay self;
        private final Consumer<Runnable> around;
        private final Consumer<List<? extends EventMessage<?>>> preparation;

        Wrapper(ReadModelReplay self, Consumer<Runnable> around, Consumer<List<? extends EventMessage<?>>> preparation) {
            this.self = self;
            this.around = around;
            this.preparation = preparation;
        }

        @Override
        public void apply(EventMessage<?> event) throws Exception {
            self.apply(event);
        }

        @Override
        public long writeTo(MongoTemplate target) {
            return self.writeTo(target);
        }

        @Override
        public void replayAll(Runnable loop) {
            around.accept(loop);
        }

        @Override
        public void prepare(List<? extends EventMessage<?>> batch) {
            preparation.accept(batch);
        }

        @Override
        public boolean queriesWhileReplaying() {
            return self.queriesWhileReplaying();
        }
    }

    /**
     * A replay through a projection's own {@code @EventHandler}s, on an instance of it that writes
     * where the replay says; {@code written} counts (or first writes) the documents at the end.
     */
    static ReadModelReplay through(Object projection, ParameterResolverFactory parameters,
                                   ToLongFunction<MongoTemplate> written) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection, parameters);
        return new ReadModelReplay() {
            @Override
            public void apply(EventMessage<?> event) throws Exception {
                if (handlers.canHandle(event)) {
                    handlers.handle(event);
                }
            }

            @Override
            public long writeTo(MongoTemplate target) {
                return written.applyAsLong(target);
            }
        };
    }
}
