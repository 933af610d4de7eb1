package de.kim.contracts.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * The part of a client's data a referral shares, by the consent's data categories: a field
 * whose category the consent does not release is null. The town is always shared, as the
 * offer's location depends on it.
 */
public record SharedClientData(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        List<String> languages,
        String phone,
        String email,
        String address,
        String town,
        String needDescription) {
}
