package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The client's personal data was erased: their key is shredded, so every sealed copy (event
 * store, topics, backups) is unreadable. The case's anonymous facts (town, target group,
 * needs by field, outcomes) stay, and with them the steering figures.
 */
@Revision("1")
public record ClientErasedEvent(CaseId caseId, String tenant, ErasureGround ground, String reference, LocalDate erasedOn) {
}
