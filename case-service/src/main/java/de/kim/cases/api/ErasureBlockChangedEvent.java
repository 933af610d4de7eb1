package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A legal hold or a dispute was put on or lifted. */
@Revision("1")
public record ErasureBlockChangedEvent(CaseId caseId, ErasureBlock block, boolean active, String reason, LocalDate on) {
}
