package de.kim.platform.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a service turns its own domain events into something else (an integration event,
 * a line of a case's history): one small function per event class, collected once, looked up by
 * the event's class. Adding an event means adding one {@link Builder#on} line where it matters;
 * an event without a function gives nothing.
 *
 * <pre>{@code
 * EventSwitch<IntegrationEvent> contracts = EventSwitch.<IntegrationEvent>builder()
 *         .on(CaseClosedEvent.class, e -> new IntegrationEvent(CaseClosed.TYPE, new CaseClosed(...)))
 *         .build();
 * contracts.apply(event); // Optional.empty() for an event that has no function
 * }</pre>
 *
 * Events are records, so the exact class is the key: no walk up a class hierarchy.
 */
public final class EventSwitch<R> {

    private final Map<Class<?>, Function<Object, ? extends R>> functions;

    private EventSwitch(Map<Class<?>, Function<Object, ? extends R>> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** What the function of the event's class makes of it; empty when there is none (or it answers null). */
    public Optional<R> apply(Object event) {
        Function<Object, ? extends R> function = event == null ? null : functions.get(event.getClass());
        return function == null ? Optional.empty() : Optional.ofNullable(function.apply(event));
    }

    /** Collects one function per event class. */
    public static final class Builder<R> {

        private final Map<Class<?>, Function<Object, ? extends R>> functions = new HashMap<>();

        private Builder() {
        }

        public <E> Builder<R> on(Class<E> type, Function<? super E, ? extends R> function) {
            if (functions.putIfAbsent(type, event -> function.apply(type.cast(event))) != null) {
                throw new IllegalStateException(type.getSimpleName() + " has two functions");
            }
            return this;
        }

        public EventSwitch<R> build() {
            return new EventSwitch<>(functions);
        }
    }
}
