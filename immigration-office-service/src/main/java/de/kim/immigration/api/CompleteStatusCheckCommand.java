package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The officer has checked the status case management asked about. */
public record CompleteStatusCheckCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                         StatusCheckId statusCheckId) {
}
