package de.kim.platform.readmodel;

import de.kim.platform.domain.KimException;

/** A list query matched more documents than one answer may hold (422): the user narrows the filter. */
public class TooManyResultsException extends KimException {

    public TooManyResultsException(int max) {
        super("kim.too-many-results", max);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String problemType() {
        return "too-many-results";
    }
}
