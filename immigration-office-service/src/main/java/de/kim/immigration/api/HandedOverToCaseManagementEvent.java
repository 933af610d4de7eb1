package de.kim.immigration.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The office handed the person over to case management with a need. */
@Revision("1")
public record HandedOverToCaseManagementEvent(ResidenceRecordId recordId, String tenant, HandoverId handoverId,
                                              FieldOfAction fieldOfAction, String reasonCode, Pathway pathway,
                                              LocalDate handedOverOn) {
}
