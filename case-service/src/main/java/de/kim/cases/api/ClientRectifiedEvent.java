package de.kim.cases.api;

import de.kim.contracts.vocabulary.DataCategory;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The client's personal data was corrected (Art. 16 GDPR). The corrected {@link ClientProfile} is
 * sealed with the client's key; the town stays readable, as in {@link CaseOpenedEvent}. Each partner
 * holding a copy of the client's data under a consent still in force gets the correction: what that
 * consent releases, sealed the same way ({@code SharedClientData} without a need description).
 *
 * @param changedFields how many of the client's fields changed (a count, never a value)
 */
@Revision("1")
public record ClientRectifiedEvent(
        CaseId caseId,
        Sealed client,
        String town,
        int changedFields,
        List<SharedCopy> copies,
        LocalDate rectifiedOn) {

    public ClientRectifiedEvent {
        copies = copies == null ? List.of() : List.copyOf(copies);
    }

    /** What a partner holds of the client under a consent, as corrected. */
    public record SharedCopy(String partnerId, ConsentId consentId, Set<DataCategory> categories, Sealed sharedClient) {
    }
}
