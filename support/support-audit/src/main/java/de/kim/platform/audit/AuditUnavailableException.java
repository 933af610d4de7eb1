package de.kim.platform.audit;

import de.kim.platform.domain.KimException;

/**
 * A read of personal data whose audit entry could not be written: answered 503 with no data,
 * since an access nobody can trace later must not happen.
 */
public class AuditUnavailableException extends KimException {

    public AuditUnavailableException(Throwable cause) {
        super("kim.audit-unavailable");
        initCause(cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String problemType() {
        return "audit-unavailable";
    }
}
