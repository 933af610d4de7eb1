package de.kim.partners.command;

import java.time.Duration;

/**
 * How long a partner keeps a client's shared data after the referral ended (declined, withdrawn,
 * completed): {@code kim.partner.shared-data-grace}, e.g. P30D, time to answer questions on it.
 */
public record SharedDataGrace(Duration period) {

    public SharedDataGrace {
        if (period == null || period.isNegative()) {
            throw new IllegalArgumentException("the grace period is a positive duration");
        }
    }
}
