package de.kim.platform.domain;

/** The command conflicts with the current state, e.g. a stale version or a closed case (409). */
public class ConflictException extends KimException {

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "conflict";
    }
}
