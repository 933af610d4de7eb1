package de.kim.platform.domain;

/** A field of a command has a value the domain does not accept (400, naming the field). */
public class InvalidInputException extends KimException {

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String problemType() {
        return "invalid-input";
    }
}
