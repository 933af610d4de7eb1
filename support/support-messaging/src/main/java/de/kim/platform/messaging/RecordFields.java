package de.kim.platform.messaging;

import java.util.regex.Pattern;

/**
 * Checks a consumer makes on an incoming record before it writes anything: a code it must know
 * and a field it needs. A record that fails one can never be applied, so it is refused with an
 * {@link UnprocessableRecordException} (to the dead-letter topic, reason in its headers) instead
 * of an exception that would be retried forever and stall the partition. Reasons name the field
 * and, for a code, the value only when it looks like a code: never anything a person typed.
 */
public final class RecordFields {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private RecordFields() {
    }

    /** The constant of {@code type} named {@code value}; refuses a missing or unknown code. */
    public static <E extends Enum<E>> E code(Class<E> type, String value, String field) {
        required(value, field);
        return Codes.of(type, value).orElseThrow(() -> new UnprocessableRecordException("unknown code "
                + (CODE.matcher(value).matches() ? "'" + value + "'" : "(not a code)") + " in " + field
                + " (" + type.getSimpleName() + ")"));
    }

    /** Like {@link #code}, but a missing value is allowed and gives null. */
    public static <E extends Enum<E>> E optionalCode(Class<E> type, String value, String field) {
        return value == null ? null : code(type, value, field);
    }

    /** The field's value; refuses a record without it (null or blank). */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new UnprocessableRecordException("missing " + field);
        }
        return value;
    }

    /** The field's value; refuses a record without it. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new UnprocessableRecordException("missing " + field);
        }
        return value;
    }
}
