package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The client's personal data was erased: their key is shredded, so every sealed copy (event
 * store, topics, backups) is unreadable. The case's anonymous facts (town, target group,
 * needs by field, outcomes) stay, and with them the steering figures. The erasure's
 * {@code reference} (e.g. the file number of the request) is sealed like every text of the case.
 */
@Revision("2")
public record ClientErasedEvent(CaseId caseId, String tenant, ErasureGround ground, Sealed reference, LocalDate erasedOn) {
}
