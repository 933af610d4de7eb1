package de.kim.immigration.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/**
 * A residence record was opened. {@code person} ({@link PersonalDetails}: date of birth,
 * nationality, entry date, household) is sealed with the record's own key (subject: the record
 * id): unreadable once the record is erased. Revision 1 held them in plain text and is read
 * through {@code ResidenceRecordCreatedUpcaster}.
 */
@Revision("2")
public record ResidenceRecordCreatedEvent(ResidenceRecordId recordId, String tenant, Sealed person) {
}
