package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put on or lift a legal hold, or mark the data disputed (§ 84 SGB X): either stops erasure. */
public record SetErasureBlockCommand(@TargetAggregateIdentifier CaseId caseId, ErasureBlock block, boolean active,
                                     String reason) {
}
