package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Case management asks to link one of its cases to this record (from {@code kim.case.ResidenceRecordLinkRequested}). */
public record RequestCaseLinkCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, String caseId,
                                     LocalDate requestedOn) {
}
