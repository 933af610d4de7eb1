package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * The client's data was corrected on request (Berichtigung, Art. 16 GDPR). Every partner that holds
 * a copy of the client's data under a consent in force is named in {@code copies}, with what that
 * consent releases of the corrected data: a {@link SharedClientData} (without a need description),
 * sealed with the client's key like {@code ReferralMade.sealedClient}. The partner replaces its copy
 * of the client in the referrals it received under that consent, keeping each referral's need
 * description. {@code town} is the client's town, which {@code CaseOpened} carries readable too:
 * steering counts the case in the corrected town from then on.
 */
public record ClientDataRectified(
        String caseId,
        String town,
        List<Copy> copies,
        LocalDate rectifiedOn) {

    public static final EventType TYPE = new EventType("kim.case.ClientDataRectified", 1);

    /** What one partner holds under one consent, as corrected. */
    public record Copy(String partnerId, String consentId, List<String> sharedCategories, String sealedClient) {
    }
}
