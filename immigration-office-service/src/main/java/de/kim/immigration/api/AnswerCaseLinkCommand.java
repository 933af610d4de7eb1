package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The officer confirms that the asking case's client is the person of this record, or refuses the link. */
public record AnswerCaseLinkCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, String caseId,
                                    boolean confirmed) {
}
