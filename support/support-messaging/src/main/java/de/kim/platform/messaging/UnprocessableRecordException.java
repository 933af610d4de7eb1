package de.kim.platform.messaging;

/**
 * A readable record a consumer refuses to apply, now and on every retry: it names data of another
 * tenant, a code this consumer does not know, or a seal it may not open. It goes to the
 * dead-letter topic with this exception's message as the reason (ids and codes only, never
 * personal data), and the consumer moves on to the next record.
 */
public class UnprocessableRecordException extends RuntimeException {

    public UnprocessableRecordException(String reason) {
        super(reason);
    }
}
