package de.kim.partners.command;

import de.kim.partners.api.CooperationAgreement;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.TenantId;

import java.util.Set;

/** The checks of a partner's register entry and offers that need nothing of the partner's state. */
final class PartnerRules {

    private PartnerRules() {
    }

    /** The partner serves towns of its tenant only, and an agreement ends after it was signed. */
    static void validate(String tenant, TenantDirectory tenants, Set<String> towns, CooperationAgreement agreement) {
        TenantDirectory.Tenant served = tenants.require(new TenantId(tenant));
        for (String town : towns) {
            if (!served.towns().contains(town)) {
                throw new InvalidInputException("towns", "partner.town-unknown", town);
            }
        }
        if (agreement != null && agreement.validUntil() != null && agreement.signedOn() != null
                && !agreement.validUntil().isAfter(agreement.signedOn())) {
            throw new InvalidInputException("agreement.validUntil", "partner.agreement.ends-before-it-starts");
        }
    }

    static void requireCapacity(int capacity) {
        if (capacity < 0) {
            throw new InvalidInputException("capacity", "partner.offer.capacity-negative");
        }
    }
}
