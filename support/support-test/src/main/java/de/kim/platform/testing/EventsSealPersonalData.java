package de.kim.platform.testing;

import de.kim.platform.privacy.Sealed;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rule "personal data in events is sealed", as a check every service runs over its
 * event records: each component of an event (a record named {@code …Event} in the given
 * package), and of the records it is made of, that can hold text ({@code String}, a collection
 * or map of them, {@code Object}) is either a {@link Sealed} value or on the service's
 * allow-list with the reason why it is no personal data (an id, a code). Typed identifiers (a
 * record named {@code …Id} with one {@code String}) and enums are ids and codes by their type.
 *
 * <p>A new text field therefore fails the service's test until it is sealed or, after review,
 * allowed with a reason. The allow-list is keyed {@code EventName.component} (nested:
 * {@code EventName.component.component}); an entry that names no such field fails too, so the
 * list cannot go stale.
 */
public final class EventsSealPersonalData {

    private EventsSealPersonalData() {
    }

    /** Asserts the rule for the event records of the package; {@code allowed} maps field to reason. */
    public static void assertFor(String eventPackage, Map<String, String> allowed) {
        List<Class<?>> events = eventRecordsIn(eventPackage);
        assertThat(events).as("event records in %s (the rule must check something)", eventPackage).isNotEmpty();
        List<String> textFields = textFieldsOf(events);
        assertThat(allowed).as("every allowed field names its reason").allSatisfy((field, reason) ->
                assertThat(reason).as("reason for %s", field).isNotBlank());
        assertThat(textFields.stream().filter(field -> !allowed.containsKey(field)).toList())
                .as("text fields of events in %s that are neither Sealed nor on the reviewed allow-list: seal them "
                        + "with the person's key (docs/ARCHITECTURE.md, \"What is sealed\")", eventPackage)
                .isEmpty();
        assertThat(allowed.keySet().stream().filter(field -> !textFields.contains(field)).sorted().toList())
                .as("allow-list entries that name no text field of an event (remove them)")
                .isEmpty();
    }

    /** The records named {@code …Event} in the package and its sub-packages. */
    public static List<Class<?>> eventRecordsIn(String eventPackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> events = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(eventPackage)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getSimpleName().endsWith("Event")) {
                    events.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        events.sort(Comparator.comparing(Class::getName));
        return events;
    }

    /** Every component of the events (nested records followed) that can hold text and is not sealed. */
    public static List<String> textFieldsOf(List<Class<?>> events) {
        List<String> fields = new ArrayList<>();
        for (Class<?> event : events) {
            collect(event, event.getSimpleName(), fields, new HashSet<>());
        }
        return fields;
    }

    private static void collect(Class<?> record, String path, List<String> fields, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String at = path + "." + component.getName();
            if (holdsText(component.getGenericType(), at, fields, seen)) {
                fields.add(at);
            }
        }
        seen.remove(record);
    }

    /** Whether a value of the type can hold text directly; records inside it are followed. */
    private static boolean holdsText(Type type, String path, List<String> fields, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            boolean text = false;
            for (Type argument : parameterized.getActualTypeArguments()) {
                text |= holdsText(argument, path, fields, seen);
            }
            return text;
        }
        if (type instanceof GenericArrayType array) {
            return holdsText(array.getGenericComponentType(), path, fields, seen);
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getUpperBounds().length > 0 && holdsText(wildcard.getUpperBounds()[0], path, fields, seen);
        }
        if (!(type instanceof Class<?> plain)) {
            return true;
        }
        if (plain.isArray()) {
            return plain.getComponentType() == char.class || holdsText(plain.getComponentType(), path, fields, seen);
        }
        if (plain == Sealed.class || plain.isPrimitive() || plain.isEnum() || Number.class.isAssignableFrom(plain)
                || plain == Boolean.class || java.time.temporal.Temporal.class.isAssignableFrom(plain)) {
            return false;
        }
        if (CharSequence.class.isAssignableFrom(plain) || plain == Object.class || plain == Character.class) {
            return true;
        }
        if (plain.isRecord()) {
            if (isTypedId(plain)) {
                return false;
            }
            collect(plain, path, fields, seen);
            return false;
        }
        return false;
    }

    /** A typed identifier: a record named {@code …Id} holding one string. */
    private static boolean isTypedId(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        return record.getSimpleName().endsWith("Id") && components.length == 1
                && components[0].getType() == String.class;
    }
}
