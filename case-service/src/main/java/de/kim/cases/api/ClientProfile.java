package de.kim.cases.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The personal data of a client as the case manager records it. It stays in case-service:
 * no integration event carries it.
 *
 * @param nationality ISO 3166-1 alpha-3 code, e.g. {@code SYR}
 * @param languages   ISO 639 codes of the languages the client speaks
 * @param town        the client's town within the Kommune
 */
public record ClientProfile(String givenName, String familyName, LocalDate dateOfBirth, String nationality,
                            List<String> languages, String town, Contact contact) {

    public ClientProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** How to reach the client; every part is optional. */
    public record Contact(String phone, String email, String address) {
    }
}
