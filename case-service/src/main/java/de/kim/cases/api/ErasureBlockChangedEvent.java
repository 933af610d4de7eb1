package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A legal hold or a dispute was put on or lifted. */
@Revision("2")
public record ErasureBlockChangedEvent(CaseId caseId, ErasureBlock block, boolean active, Sealed reason, LocalDate on) {
}
