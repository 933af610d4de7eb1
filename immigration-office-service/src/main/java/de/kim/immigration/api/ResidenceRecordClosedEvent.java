package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The record was closed; its personal data is erased once {@code kim.retention.residence-record} has passed. */
@Revision("1")
public record ResidenceRecordClosedEvent(ResidenceRecordId recordId, String tenant, ClosureReason reason,
                                         LocalDate closedOn) {
}
