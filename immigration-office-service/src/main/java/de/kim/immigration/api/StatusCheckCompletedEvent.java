package de.kim.immigration.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The officer answered the status check case management asked about; it leaves the work list.
 * {@code answer} is a {@code StatusCheckAnswered.Answer} sealed with the record's key; it goes
 * to the asking case ({@code caseId}). Revision 1 had neither: those checks were completed
 * without an answer, and stay so.
 */
@Revision("2")
public record StatusCheckCompletedEvent(ResidenceRecordId recordId, String tenant, StatusCheckId statusCheckId,
                                        LocalDate completedOn, String caseId, Sealed answer) {
}
