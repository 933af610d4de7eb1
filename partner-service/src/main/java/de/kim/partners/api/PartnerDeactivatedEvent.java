package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** A partner was deactivated. */
@Revision("1")
public record PartnerDeactivatedEvent(
        PartnerId partnerId,
        String reason) {
}
