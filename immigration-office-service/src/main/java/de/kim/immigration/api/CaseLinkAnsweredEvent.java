package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The link of a case to this record was confirmed or refused: by the officer, or confirmed at
 * once because the office had handed the person over to case management ({@code byHandover}).
 */
@Revision("1")
public record CaseLinkAnsweredEvent(ResidenceRecordId recordId, String tenant, String caseId, boolean confirmed,
                                    boolean byHandover, LocalDate answeredOn) {
}
