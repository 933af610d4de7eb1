package de.kim.platform.readmodel;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

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

    /** Runs the loop that applies every event; a replay may wrap it (e.g. to cache keys for it). */
    default void replayAll(Runnable loop) {
        loop.run();
    }

    /** This replay, its loop run inside {@code around}. */
    default ReadModelReplay runningIn(Consumer<Runnable> around) {
        ReadModelReplay self = this;
        return new ReadModelReplay() {
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
        };
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
