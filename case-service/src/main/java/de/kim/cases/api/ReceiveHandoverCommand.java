package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Take in a hand-over of the immigration office ({@code HandoverToCaseManagement}); a hand-over
 * already taken in stays as it is, so a redelivered record changes nothing. Ids and codes only,
 * as the office sends them.
 *
 * @param fieldOfAction the field of action as the office sent it: a value this service does not
 *                      know yet is kept, so the case manager still sees the request
 */
public record ReceiveHandoverCommand(
        @TargetAggregateIdentifier HandoverRef handover,
        String residenceRecordId,
        String fieldOfAction,
        String reasonCode,
        String pathway,
        LocalDate handedOverOn) {
}
