package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The personal data of a residence record was erased: its key is shredded, so everything sealed
 * with it is unreadable. Ids, codes and the dates of the process steps (statuses, hand-overs,
 * status checks) stay, and with them lists and figures.
 *
 * @param reference the file number of the request or decision, kept as proof of the erasure
 */
@Revision("1")
public record ResidenceRecordErasedEvent(ResidenceRecordId recordId, String tenant, ErasureGround ground,
                                         String reference, LocalDate erasedOn) {
}
