package de.kim.contracts.immigration;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * The immigration office answers a status check case management asked for
 * ({@code kim.case.StatusCheckRequested}). The answer itself ({@link Answer}: the residence status
 * now, the prospects of a pathway, the officer's note) is about the client, so it travels sealed
 * with the client's key (AES-GCM, Base64; key store subject: the case id), readable only while
 * the client's data exists; {@code sealedAnswer} is null when the client is already erased.
 *
 * @param caseId            the case that asked
 * @param residenceRecordId the office's residence record
 * @param statusCheckId     the request answered; consumers deduplicate on it
 * @param sealedAnswer      the {@link Answer} as JSON, sealed with the client's key
 * @param answeredOn        the day the officer answered
 */
public record StatusCheckAnswered(
        String caseId,
        String residenceRecordId,
        String statusCheckId,
        String sealedAnswer,
        LocalDate answeredOn) {

    public static final EventType TYPE = new EventType("kim.immigration.StatusCheckAnswered", 1);

    /**
     * What the office tells case management.
     *
     * @param statusType the residence status now, a code of the office's status types (e.g. {@code DULDUNG}); null for none recorded
     * @param legalBasis the status's legal basis as the office wrote it (e.g. "§ 60a AufenthG"); null for none
     * @param validUntil the day the status ends; null for a permanent status or none
     * @param pathway    the pathway the prospect is about (e.g. {@code AUFENTHG_25B}); null for none
     * @param prospect   a {@link de.kim.contracts.vocabulary.PathwayProspect} code; null when the officer gave none
     * @param note       the officer's note to the case manager; null for none
     */
    public record Answer(String statusType, String legalBasis, LocalDate validUntil, String pathway, String prospect,
                         String note) {
    }
}
