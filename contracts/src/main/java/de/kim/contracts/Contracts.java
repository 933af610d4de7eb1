package de.kim.contracts;

import de.kim.contracts.cases.*;
import de.kim.contracts.immigration.CaseLinkAnswered;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.contracts.partners.*;
import de.kim.contracts.reporting.FiguresPublished;

import java.util.List;

/**
 * Every integration event of the platform: its type, the topic it travels on and its payload
 * record. The contract tests and the topic documentation are built from this list.
 */
public final class Contracts {

    /** One integration event type. */
    public record Contract(EventType type, String topic, Class<? extends Record> payload) {
    }

    public static final List<Contract> ALL = List.of(
            new Contract(CaseOpened.TYPE, Topics.CASE, CaseOpened.class),
            new Contract(CaseClosed.TYPE, Topics.CASE, CaseClosed.class),
            new Contract(CaseReopened.TYPE, Topics.CASE, CaseReopened.class),
            new Contract(CaseHandedOver.TYPE, Topics.CASE, CaseHandedOver.class),
            new Contract(NeedAssessed.TYPE, Topics.CASE, NeedAssessed.class),
            new Contract(NeedResolved.TYPE, Topics.CASE, NeedResolved.class),
            new Contract(GoalAchieved.TYPE, Topics.CASE, GoalAchieved.class),
            new Contract(ReferralMade.TYPE, Topics.CASE, ReferralMade.class),
            new Contract(ReferralWithdrawn.TYPE, Topics.CASE, ReferralWithdrawn.class),
            new Contract(ConsentRevoked.TYPE, Topics.CASE, ConsentRevoked.class),
            new Contract(ClientErased.TYPE, Topics.CASE, ClientErased.class),
            new Contract(DoubleFundingWarned.TYPE, Topics.CASE, DoubleFundingWarned.class),
            new Contract(LegalDomainsChanged.TYPE, Topics.CASE, LegalDomainsChanged.class),
            new Contract(ThemeTagged.TYPE, Topics.CASE, ThemeTagged.class),
            new Contract(AchievementShared.TYPE, Topics.CASE, AchievementShared.class),
            new Contract(StatusCheckRequested.TYPE, Topics.CASE, StatusCheckRequested.class),
            new Contract(ResidenceRecordLinkRequested.TYPE, Topics.CASE, ResidenceRecordLinkRequested.class),
            new Contract(SharedAchievementsWithdrawn.TYPE, Topics.CASE, SharedAchievementsWithdrawn.class),
            new Contract(ClientDataRectified.TYPE, Topics.CASE, ClientDataRectified.class),
            new Contract(ContactRecorded.TYPE, Topics.CASE, ContactRecorded.class),
            new Contract(PartnerRegistered.TYPE, Topics.PARTNER, PartnerRegistered.class),
            new Contract(PartnerDeactivated.TYPE, Topics.PARTNER, PartnerDeactivated.class),
            new Contract(OfferPublished.TYPE, Topics.PARTNER, OfferPublished.class),
            new Contract(OfferWithdrawn.TYPE, Topics.PARTNER, OfferWithdrawn.class),
            new Contract(ReferralAccepted.TYPE, Topics.PARTNER, ReferralAccepted.class),
            new Contract(ReferralDeclined.TYPE, Topics.PARTNER, ReferralDeclined.class),
            new Contract(ReferralCompleted.TYPE, Topics.PARTNER, ReferralCompleted.class),
            new Contract(ReferralReminderDue.TYPE, Topics.PARTNER, ReferralReminderDue.class),
            new Contract(ResidenceStatusProgressed.TYPE, Topics.IMMIGRATION, ResidenceStatusProgressed.class),
            new Contract(HandoverToCaseManagement.TYPE, Topics.IMMIGRATION, HandoverToCaseManagement.class),
            new Contract(StatusCheckAnswered.TYPE, Topics.IMMIGRATION, StatusCheckAnswered.class),
            new Contract(CaseLinkAnswered.TYPE, Topics.IMMIGRATION, CaseLinkAnswered.class),
            new Contract(FiguresPublished.TYPE, Topics.REPORTING, FiguresPublished.class));

    private Contracts() {
    }
}
