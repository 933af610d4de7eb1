package de.kim.platform.privacy;

/**
 * Personal data of one tenant was asked for, or to be sealed, in the name of another. Never a
 * user's mistake: a bug or a forged message, so it is refused whole and names no one.
 */
public class ForeignTenantException extends IllegalStateException {

    public ForeignTenantException() {
        super("the subject's key belongs to another tenant");
    }
}
