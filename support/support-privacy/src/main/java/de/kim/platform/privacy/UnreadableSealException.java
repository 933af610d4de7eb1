package de.kim.platform.privacy;

/**
 * Sealed data that its subject's key, which exists, does not open: it was not sealed with that
 * key (a forged or damaged value), so no retry will ever open it. Names no one.
 */
public class UnreadableSealException extends IllegalStateException {

    public UnreadableSealException(Throwable cause) {
        super("sealed data of a subject cannot be read with its key", cause);
    }
}
