package de.kim.platform.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The writes of a projection held back while its tracking processor handles one batch of events,
 * and written together once the batch's last event is handled: a few bulk writes per batch where
 * each event cost a write of its own, and with it a durable commit of the store.
 *
 * <p>Each unit of work (its root) has its own, so processor threads and segments never share one.
 * A processor wired with {@link AxonReadModel#tokenStoreOf} writes them before it stores the
 * batch's token ({@link #beforeTheToken()}); Axon's own prepare-commit step would come after the
 * token, which the processor registers as the batch begins. A crash between the writes and the
 * token delivers the batch again: the writes must be such that making them again changes nothing.
 * In any other unit of work they are written as it commits; outside one, the projection writes at once.
 */
public abstract class WriteBehind {

    private static final String HELD = WriteBehind.class.getName();

    /** Writes what is held back; after it, nothing is held back. */
    protected abstract void flush();

    /**
     * The write-behind of {@code owner} (e.g. a store) in the current unit of work, made by
     * {@code made} on first use; empty outside a unit of work.
     */
    @SuppressWarnings("unchecked")
    public static <T extends WriteBehind> Optional<T> ofCurrentUnitOfWork(Object owner, Supplier<T> made) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<Object, WriteBehind> held = root.getOrComputeResource(HELD, key -> {
            root.onPrepareCommit(WriteBehind::flushAll);
            return new LinkedHashMap<>();
        });
        return Optional.of((T) held.computeIfAbsent(owner, o -> made.get()));
    }

    /**
     * For a tracking processor: writes what its handlers held back once they have handled the
     * batch's last event, before the unit of work commits and with it the processor's token.
     */
    static MessageHandlerInterceptor<EventMessage<?>> beforeTheToken() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flushAll(unitOfWork);
            }
            return result;
        };
    }

    private static void flushAll(UnitOfWork<?> unitOfWork) {
        Map<Object, WriteBehind> held = unitOfWork.root().getResource(HELD);
        if (held != null) {
            held.values().forEach(WriteBehind::flush);
        }
    }
}
