package de.kim.cases.messaging;

import de.kim.cases.api.AchievementSharedEvent;
import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.api.CaseHandedOverEvent;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.CaseReopenedEvent;
import de.kim.cases.api.ClientErasedEvent;
import de.kim.cases.api.ClientRectifiedEvent;
import de.kim.cases.api.ContactRecordedEvent;
import de.kim.cases.api.AchievementId;
import de.kim.cases.api.ConsentExpiredEvent;
import de.kim.cases.api.ConsentRevokedEvent;
import de.kim.cases.api.SharedAchievementsWithdrawnEvent;
import de.kim.cases.api.DoubleFundingWarnedEvent;
import de.kim.cases.api.GoalAchievedEvent;
import de.kim.cases.api.LegalDomainsChangedEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.api.NeedResolvedEvent;
import de.kim.cases.api.ReferralMadeEvent;
import de.kim.cases.api.ReferralWithdrawnEvent;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.cases.api.StatusCheckRequestedEvent;
import de.kim.cases.api.ThemeTaggedEvent;
import de.kim.contracts.cases.AchievementShared;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseHandedOver;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.ClientErased;
import de.kim.contracts.cases.ContactRecorded;
import de.kim.contracts.cases.CaseReopened;
import de.kim.contracts.cases.ConsentRevoked;
import de.kim.contracts.cases.SharedAchievementsWithdrawn;
import de.kim.contracts.cases.DoubleFundingWarned;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.LegalDomainsChanged;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.NeedResolved;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.contracts.cases.ResidenceRecordLinkRequested;
import de.kim.contracts.cases.StatusCheckRequested;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.platform.privacy.SealedTexts;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.platform.privacy.Sealed;
import de.kim.platform.messaging.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which case events leave case-service on {@code kim.case.v1}, and in which shape. Personal
 * data of the client leaves only under a consent: in a referral, what the consent releases to
 * that partner, and the case manager's note, sealed with the client's key; in a withdrawal, the
 * reason, sealed the same way; in a shared achievement, the achievement for the immigration
 * office's record; in a correction of the client's data, each partner's copy as its consent releases
 * it, sealed. A counselling contact leaves as counts only (kind, duration, whether interpreted). Every other event (a status check request, a consent's end, the withdrawal
 * of shared achievements too) carries ids and codes.
 */
@Component
public class CaseIntegrationEvents implements IntegrationEventMapper {

    private static final EventSwitch<IntegrationEvent> CONTRACTS = EventSwitch.<IntegrationEvent>builder()
            .on(CaseOpenedEvent.class, e -> of(CaseOpened.TYPE, new CaseOpened(e.caseId().value(), e.town(),
                    e.targetGroup().name(), e.accessRoute().name(), e.assignee(), e.openedOn())))
            .on(CaseClosedEvent.class, e -> of(CaseClosed.TYPE, new CaseClosed(e.caseId().value(), e.outcome().name(),
                    e.closedOn())))
            .on(CaseReopenedEvent.class, e -> of(CaseReopened.TYPE, new CaseReopened(e.caseId().value(), e.reopenedOn())))
            .on(CaseHandedOverEvent.class, e -> of(CaseHandedOver.TYPE, new CaseHandedOver(e.caseId().value(),
                    e.fromCaseManager(), e.toCaseManager())))
            .on(NeedAssessedEvent.class, e -> of(NeedAssessed.TYPE, new NeedAssessed(e.caseId().value(),
                    e.needId().value(), e.fieldOfAction().name(), e.priority().name())))
            .on(NeedResolvedEvent.class, e -> of(NeedResolved.TYPE, new NeedResolved(e.caseId().value(),
                    e.needId().value(), e.fieldOfAction().name(), e.resolvedOn())))
            .on(GoalAchievedEvent.class, e -> of(GoalAchieved.TYPE, new GoalAchieved(e.caseId().value(),
                    e.goalId().value(), e.fieldOfAction().name(), e.achievedOn())))
            .on(ReferralMadeEvent.class, e -> of(ReferralMade.TYPE, referralMade(e)))
            .on(ReferralWithdrawnEvent.class, e -> of(ReferralWithdrawn.TYPE, new ReferralWithdrawn(e.caseId().value(),
                    e.referralId().value(), e.partnerId(), ciphertext(e.reason()))))
            .on(ConsentRevokedEvent.class, e -> of(ConsentRevoked.TYPE, new ConsentRevoked(e.caseId().value(),
                    e.consentId().value(), e.recipient(), e.revokedOn(), ConsentRevoked.REVOKED)))
            // The recipient acts on an expiry exactly as on a revocation: one contract, with the reason.
            .on(ConsentExpiredEvent.class, e -> of(ConsentRevoked.TYPE, new ConsentRevoked(e.caseId().value(),
                    e.consentId().value(), e.recipient(), e.expiredOn(), ConsentRevoked.EXPIRED)))
            .on(SharedAchievementsWithdrawnEvent.class, e -> of(SharedAchievementsWithdrawn.TYPE,
                    new SharedAchievementsWithdrawn(e.caseId().value(), e.consentId().value(), e.residenceRecordId(),
                            e.achievementIds().stream().map(AchievementId::value).toList(), e.withdrawnOn())))
            .on(DoubleFundingWarnedEvent.class, e -> of(DoubleFundingWarned.TYPE, new DoubleFundingWarned(
                    e.caseId().value(), e.measureId().value(), e.kind().name(), e.fundedBy().name(),
                    e.alreadyFundedBy().name())))
            .on(LegalDomainsChangedEvent.class, e -> of(LegalDomainsChanged.TYPE, new LegalDomainsChanged(
                    e.caseId().value(), names(e.previous()), names(e.current()), e.since())))
            .on(AchievementSharedEvent.class, e -> of(AchievementShared.TYPE, new AchievementShared(e.caseId().value(),
                    e.residenceRecordId(), e.achievementId().value(), e.kind().name(), e.level(), e.achievedOn())))
            .on(ResidenceRecordLinkedEvent.class, e -> of(ResidenceRecordLinkRequested.TYPE,
                    new ResidenceRecordLinkRequested(e.caseId().value(), e.residenceRecordId())))
            .on(StatusCheckRequestedEvent.class, e -> of(StatusCheckRequested.TYPE, new StatusCheckRequested(
                    e.caseId().value(), e.residenceRecordId(), e.statusCheckId().value(), e.requestedOn())))
            .on(ClientErasedEvent.class, e -> of(ClientErased.TYPE, new ClientErased(e.caseId().value(), e.erasedOn())))
            .on(ThemeTaggedEvent.class, e -> of(ThemeTagged.TYPE, new ThemeTagged(e.caseId().value(), e.themeCode())))
            .on(ClientRectifiedEvent.class, e -> of(ClientDataRectified.TYPE, clientDataRectified(e)))
            .on(ContactRecordedEvent.class, e -> of(ContactRecorded.TYPE, new ContactRecorded(e.caseId().value(),
                    e.contactId().value(), e.kind().name(), e.durationMinutes(), e.interpreterLanguage() != null,
                    e.contactOn())))
            .build();

    @Override
    public Optional<IntegrationEvent> map(Object event) {
        return CONTRACTS.apply(event);
    }

    /** The released client data and the note travel sealed: only a service holding the client's key reads them. */
    private static ReferralMade referralMade(ReferralMadeEvent e) {
        return new ReferralMade(e.caseId().value(), e.referralId().value(), e.partnerId(), e.offerId(),
                e.needId().value(), e.fieldOfAction().name(), e.consentId().value(), names(e.sharedCategories()),
                e.sharedClient().data(), ciphertext(e.note()), e.madeOn());
    }

    /** Each partner's corrected copy travels sealed, as in a referral; the corrected town is readable, as at opening. */
    private static ClientDataRectified clientDataRectified(ClientRectifiedEvent e) {
        return new ClientDataRectified(e.caseId().value(), e.town(), e.copies().stream()
                .map(c -> new ClientDataRectified.Copy(c.partnerId(), c.consentId().value(), names(c.categories()),
                        c.sharedClient().data()))
                .toList(), e.rectifiedOn());
    }

    /**
     * The ciphertext of a sealed text, for the wire (the subject is the case id the record names).
     * A text of an event stored before sealing ({@link SealedTexts#UNSEALED}) never goes out: an
     * upcaster cannot seal it, and publication is forward-only, so this is a replay's concern only.
     */
    private static String ciphertext(Sealed text) {
        return text == null || SealedTexts.isUnsealed(text) ? null : text.data();
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static IntegrationEvent of(de.kim.contracts.EventType type, Object data) {
        return new IntegrationEvent(type, data);
    }
}
