package de.kim.platform.messaging;

/** A record on a topic that is not a readable KIM envelope. Retrying cannot help; it goes to the dead-letter topic. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
