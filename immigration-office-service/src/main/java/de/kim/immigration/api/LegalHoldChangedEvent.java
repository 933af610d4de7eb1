package de.kim.immigration.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A legal hold was put on the record or lifted. The officer's {@code reason} (free text) is
 * sealed with the record's key.
 */
@Revision("1")
public record LegalHoldChangedEvent(ResidenceRecordId recordId, String tenant, boolean active, Sealed reason,
                                    LocalDate changedOn) {
}
