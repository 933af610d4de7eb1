package de.kim.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pinned wire examples of each integration event. The publisher's contract test
 * asserts it emits this shape; each consumer's test feeds it in.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture JSON of the given event type, as it stands on the wire. */
    public static String json(EventType type) {
        String resource = "fixtures/" + type.name() + ".v" + type.version() + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
