package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The immigration office handed a person over to case management with a need: by the residence
 * record only, so no personal data.
 *
 * @param tenant        the Kommune whose office handed over
 * @param fieldOfAction the field of action as the office sent it (a code, possibly one this service does not know)
 * @param reasonCode    why, as the office's code
 * @param pathway       the residence pathway the need stands in the way of, as a code; null if none
 */
@Revision("1")
public record HandoverReceivedEvent(
        HandoverId handoverId,
        String tenant,
        String residenceRecordId,
        String fieldOfAction,
        String reasonCode,
        String pathway,
        LocalDate handedOverOn) {
}
