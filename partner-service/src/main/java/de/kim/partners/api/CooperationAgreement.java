package de.kim.partners.api;

import java.time.LocalDate;

/** The cooperation agreement with the partner: signed on, valid until. */
public record CooperationAgreement(
        LocalDate signedOn,
        LocalDate validUntil) {
}
