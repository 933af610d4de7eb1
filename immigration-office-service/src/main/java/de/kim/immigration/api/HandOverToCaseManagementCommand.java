package de.kim.immigration.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand the person over to case management with a need in a field of action. */
public record HandOverToCaseManagementCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                              HandoverId handoverId, FieldOfAction fieldOfAction, String reasonCode,
                                              Pathway pathway) {
}
