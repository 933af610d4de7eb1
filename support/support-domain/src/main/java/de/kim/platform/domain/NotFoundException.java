package de.kim.platform.domain;

/** The addressed thing does not exist for this tenant (404; another tenant's id looks the same). */
public class NotFoundException extends KimException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String problemType() {
        return "not-found";
    }
}
