package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * A client was referred to a partner's offer. {@code sealedClient} is a {@link SharedClientData}
 * holding only what the consent's data categories release to that partner, encrypted with the
 * client's key (AES-GCM, Base64; key store subject: the case id). {@code sealedNote}, the case
 * manager's note to the partner (a JSON string), is sealed the same way; null without a note.
 * Both can be read while the client's data exists; after {@code kim.case.ClientErased} they are
 * unreadable for good.
 *
 * <p>Version 2, still on the topic (its retention is unlimited), had the note in plain text as
 * {@code note}; a consumer reads it as {@link Version2} and upgrades it.
 */
public record ReferralMade(
        String caseId,
        String referralId,
        String partnerId,
        String offerId,
        String needId,
        String fieldOfAction,
        String consentId,
        List<String> sharedCategories,
        String sealedClient,
        String sealedNote,
        LocalDate madeOn) {

    public static final EventType TYPE = new EventType("kim.case.ReferralMade", 3);
    /** The previous version: the fields of this record, but the note in plain text ({@link Version2}). */
    public static final EventType VERSION_2 = new EventType("kim.case.ReferralMade", 2);

    /** The payload of a version-2 record: the note in plain text. */
    public record Version2(
            String caseId,
            String referralId,
            String partnerId,
            String offerId,
            String needId,
            String fieldOfAction,
            String consentId,
            List<String> sharedCategories,
            String sealedClient,
            String note,
            LocalDate madeOn) {

        /** The current record, with the note as the consumer sealed it (null: a consumer that does not read notes). */
        public ReferralMade upgraded(String sealedNote) {
            return new ReferralMade(caseId, referralId, partnerId, offerId, needId, fieldOfAction, consentId,
                    sharedCategories, sealedClient, sealedNote, madeOn);
        }
    }
}
