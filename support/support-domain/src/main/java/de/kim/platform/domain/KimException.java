package de.kim.platform.domain;

import java.util.List;

/**
 * Base of the exceptions a domain rule throws. Each carries a message key (resolved in the
 * user's language, German first) and becomes an RFC 9457 problem with its status.
 */
public abstract class KimException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    protected KimException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The HTTP status the problem is answered with. */
    public abstract int status();

    /** The last segment of the problem type URI, e.g. {@code invalid-input}. */
    public abstract String problemType();
}
