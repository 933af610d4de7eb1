package de.kim.immigration.web;

import de.kim.contracts.vocabulary.PathwayProspect;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.StatusCheckId;
import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/residence-records/{id}/status-checks/{statusCheckId}/completion}:
 * what the officer tells case management beyond the residence status now, which goes back anyway.
 *
 * @param pathway  the pathway the prospect is about (e.g. {@code AUFENTHG_25B}); needs a prospect
 * @param prospect how the office sees the client's chances of it
 * @param note     a note to the case manager, in words they understand
 */
public record StatusCheckAnswerRequest(Pathway pathway, PathwayProspect prospect, @Size(max = 2000) String note) {

    static final StatusCheckAnswerRequest NONE = new StatusCheckAnswerRequest(null, null, null);

    CompleteStatusCheckCommand toCommand(ResidenceRecordId recordId, StatusCheckId statusCheckId) {
        return new CompleteStatusCheckCommand(recordId, statusCheckId, pathway, prospect, note);
    }
}
