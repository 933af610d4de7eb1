package de.kim.contracts;

/**
 * The stable name and version of an integration event on the wire. Consumers dispatch on
 * these, never on a Java class name, so a class can be renamed without breaking anyone.
 */
public record EventType(String name, int version) {

    public EventType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an event type needs a name");
        }
        if (version < 1) {
            throw new IllegalArgumentException("an event type version starts at 1");
        }
    }

    public boolean matches(String otherName, int otherVersion) {
        return name.equals(otherName) && version == otherVersion;
    }
}
