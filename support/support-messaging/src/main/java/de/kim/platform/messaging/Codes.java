package de.kim.platform.messaging;

import java.util.Optional;

/**
 * Reads a code from an incoming record (a value of one of the contracts' vocabularies) without
 * {@code valueOf}: a code a newer publisher added is answered as absent, never thrown, so the
 * consumer decides what an unknown code means for it (refuse the record with
 * {@link RecordFields#code}, keep a request open, show nothing).
 */
public final class Codes {

    private Codes() {
    }

    /** The constant of {@code type} named {@code value}; empty for null or a name the type does not have. */
    public static <E extends Enum<E>> Optional<E> of(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
