package de.kim.immigration.api;

import de.kim.contracts.vocabulary.PathwayProspect;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The officer answers the status check case management asked about: the residence status now
 * goes back with the answer, and so do the prospects of a pathway and a note where the officer
 * gives them (each may be null).
 */
public record CompleteStatusCheckCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                         StatusCheckId statusCheckId,
                                         Pathway pathway,
                                         PathwayProspect prospect,
                                         String note) {

    /** A completion without an answer beyond the residence status now. */
    public CompleteStatusCheckCommand(ResidenceRecordId recordId, StatusCheckId statusCheckId) {
        this(recordId, statusCheckId, null, null, null);
    }
}
