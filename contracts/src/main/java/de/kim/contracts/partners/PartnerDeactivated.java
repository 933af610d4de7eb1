package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** A partner was deactivated; it receives no further referrals. */
public record PartnerDeactivated(
        String partnerId) {

    public static final EventType TYPE = new EventType("kim.partner.PartnerDeactivated", 1);
}
