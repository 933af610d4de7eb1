package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

/**
 * An officer became responsible for the record. A new event rather than a field of
 * {@link ResidenceRecordCreatedEvent}, so the stored events keep their shape.
 *
 * @param previousOfficer the officer responsible before; null for the first assignment
 */
@Revision("1")
public record OfficerAssignedEvent(ResidenceRecordId recordId, String tenant, String officer,
                                   String previousOfficer) {
}
