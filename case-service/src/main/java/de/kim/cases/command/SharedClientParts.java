package de.kim.cases.command;

import de.kim.cases.api.ClientProfile;
import de.kim.contracts.cases.SharedClientData;
import de.kim.contracts.vocabulary.DataCategory;

import java.util.Set;

/** What of the client's data a referral carries to a partner: as far as the consent's categories release it. */
final class SharedClientParts {

    private SharedClientParts() {
    }

    /** The client's data as far as the given categories release it; the town is always shared. */
    static SharedClientData released(ClientProfile client, Set<DataCategory> released, String needDescription) {
        boolean identity = released.contains(DataCategory.IDENTITY);
        ClientProfile.Contact contact = released.contains(DataCategory.CONTACT) && client.contact() != null
                ? client.contact() : new ClientProfile.Contact(null, null, null);
        return new SharedClientData(identity ? client.givenName() : null, identity ? client.familyName() : null,
                identity ? client.dateOfBirth() : null,
                released.contains(DataCategory.LANGUAGES) && !client.languages().isEmpty() ? client.languages() : null,
                contact.phone(), contact.email(), contact.address(), client.town(), needDescription);
    }
}
