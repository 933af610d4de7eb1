package de.kim.partners.api;

import java.time.LocalDate;
import java.util.List;

/** What a referral shares of the client, by the consent's data categories; a field not released is null. */
public record SharedClient(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        List<String> languages,
        String phone,
        String email,
        String address,
        String town,
        String needDescription) {

    /** This data with the need description of a referral. */
    public SharedClient withNeedDescription(String description) {
        return new SharedClient(givenName, familyName, dateOfBirth, languages, phone, email, address, town, description);
    }
}
