package de.kim.cases.architecture;

import de.kim.platform.testing.EventsSealPersonalData;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Every text in a case event is sealed with the client's key, except these reviewed fields:
 * ids and codes, each with the reason it is no personal data of the client.
 */
class EventsSealPersonalDataTest {

    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("CaseOpenedEvent.tenant", "id of the Kommune"),
            Map.entry("CaseOpenedEvent.town", "a town of the Kommune, kept for the anonymous figures; "
                    + "with target group and dates it names no person (docs/ARCHITECTURE.md)"),
            Map.entry("CaseOpenedEvent.assignee", "id of a case manager (staff), not of the client"),
            Map.entry("CaseOpenedEvent.caseNumber", "the Aktenzeichen: year and a sequence of the Kommune, an id like the case id"),
            Map.entry("ClientErasedEvent.tenant", "id of the Kommune"),
            Map.entry("WorkItemDoneEvent.itemId", "id of a work basket item: the case id, a kind and an id"),
            Map.entry("ClientRectifiedEvent.town", "the corrected town of the Kommune, readable for the same reason "
                    + "as CaseOpenedEvent.town"),
            Map.entry("ClientRectifiedEvent.copies.partnerId", "id of a partner organisation"),
            Map.entry("CaseHandedOverEvent.fromCaseManager", "id of a case manager (staff)"),
            Map.entry("CaseHandedOverEvent.toCaseManager", "id of a case manager (staff)"),
            Map.entry("FollowUpScheduledEvent.assignee", "id of a case manager (staff)"),
            Map.entry("ConsentRecordedEvent.recipient", "id of a partner, or the code immigration-office"),
            Map.entry("ConsentRevokedEvent.recipient", "id of a partner, or the code immigration-office"),
            Map.entry("ConsentExpiredEvent.recipient", "id of a partner, or the code immigration-office"),
            Map.entry("MarkedEntrustedEvent.itemId", "id of a need, measure or achievement of the case"),
            Map.entry("SharedAchievementsWithdrawnEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("ReferralMadeEvent.partnerId", "id of a partner organisation"),
            Map.entry("ReferralMadeEvent.offerId", "id of a partner's offer"),
            Map.entry("ReferralAcceptedEvent.partnerId", "id of a partner organisation"),
            Map.entry("ReferralDeclinedEvent.partnerId", "id of a partner organisation"),
            Map.entry("ReferralCompletedEvent.partnerId", "id of a partner organisation"),
            Map.entry("ReferralWithdrawnEvent.partnerId", "id of a partner organisation"),
            Map.entry("ThemeTaggedEvent.themeCode", "code of the managed theme list"),
            Map.entry("AchievementRecordedEvent.level", "code: a CEFR level A1 to C2, checked by the aggregate"),
            Map.entry("AchievementSharedEvent.level", "code: a CEFR level A1 to C2, checked by the aggregate"),
            Map.entry("AchievementSharedEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("ResidenceRecordLinkedEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("ResidenceRecordLinkConfirmedEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("ResidenceRecordLinkRefusedEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("HandoverReceivedEvent.tenant", "id of the Kommune"),
            Map.entry("HandoverReceivedEvent.residenceRecordId", "id of the immigration office's record"),
            Map.entry("HandoverReceivedEvent.fieldOfAction", "code of a field of action, as the office sent it"),
            Map.entry("HandoverReceivedEvent.reasonCode", "code of the office's reason for the hand-over"),
            Map.entry("HandoverReceivedEvent.pathway", "code of a residence pathway (e.g. AUFENTHG_25B)"),
            Map.entry("StatusCheckRequestedEvent.residenceRecordId", "id of the immigration office's record"));

    @Test
    void every_text_of_a_case_event_is_sealed_or_a_reviewed_id_or_code() {
        EventsSealPersonalData.assertFor("de.kim.cases.api", ALLOWED);
    }
}
