package de.kim.platform.domain;

import java.util.regex.Pattern;

/**
 * A tenant: one Kommune (Kreis or kreisfreie Stadt), e.g. {@code kreis-mettmann}. No user
 * ever sees another tenant's data.
 */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("tenant", "kim.tenant.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
