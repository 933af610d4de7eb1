package de.kim.cases.command;

import de.kim.cases.api.ClientProfile;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What a correction of the client's data changes: counted per field, so that no value needs to be named. */
final class ClientCorrection {

    private static final ClientProfile.Contact NO_CONTACT = new ClientProfile.Contact(null, null, null);
    private static final List<Function<ClientProfile, Object>> FIELDS = List.of(
            ClientProfile::givenName, ClientProfile::familyName, ClientProfile::dateOfBirth,
            ClientProfile::nationality, ClientProfile::languages, ClientProfile::town,
            c -> contact(c).phone(), c -> contact(c).email(), c -> contact(c).address());

    private ClientCorrection() {
    }

    /** How many of the client's fields differ between the recorded and the corrected data. */
    static int changedFields(ClientProfile recorded, ClientProfile corrected) {
        return (int) FIELDS.stream().filter(f -> !Objects.equals(f.apply(recorded), f.apply(corrected))).count();
    }

    private static ClientProfile.Contact contact(ClientProfile client) {
        return client.contact() == null ? NO_CONTACT : client.contact();
    }
}
