package de.kim.cases.query;

import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.cases.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps the case files and the follow-up list up to date from the case events, in MongoDB
 * ({@link MongoCaseFileStore}) or, for a rebuild, in memory ({@link MemoryCaseFileStore}).
 * Each event is applied to the file only if its sequence is newer than the file's version,
 * so a redelivered event changes nothing. Sealed texts are opened as they are applied: once the
 * client is erased they open to nothing, so a rebuild after an erasure shows none of them either.
 */
@Component
@ProcessingGroup("case-files")
public class CaseFileProjection {

    private final CaseFileStore store;
    private final PersonalDataVault vault;
    private final CaseTexts texts;
    private final BlindIndex index;

    public CaseFileProjection(CaseFileStore store, PersonalDataVault vault, CaseTexts texts, BlindIndex index) {
        this.store = store;
        this.vault = vault;
        this.texts = texts;
        this.index = index;
    }

    @EventHandler
    void on(CaseOpenedEvent e, @SequenceNumber long sequence) {
        CaseFile file = new CaseFile();
        file.id = e.caseId().value();
        file.tenant = e.tenant();
        file.caseNumber = e.caseNumber();
        file.client = vault.open(e.tenant(), e.client(), ClientProfile.class).orElse(null);
        if (file.client != null) {
            file.searchTokens = new ArrayList<>(index.personTokens(e.tenant(),
                    file.client.familyName(), file.client.givenName(), file.client.dateOfBirth()));
        }
        file.town = e.town();
        file.targetGroup = e.targetGroup();
        file.accessRoute = e.accessRoute();
        file.assignee = e.assignee();
        file.status = "OPEN";
        file.openedOn = e.openedOn();
        file.version = sequence;
        // false if the event came again (a replay, a redelivery): the file is there already
        store.insert(file);
    }

    @EventHandler
    void on(ClientRectifiedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.client = vault.open(f.tenant, e.client(), ClientProfile.class).orElse(null);
            f.town = e.town();
            f.rectifiedOn = e.rectifiedOn();
            // A corrected name or date of birth is found under the new one, no longer under the old.
            f.searchTokens = f.client == null ? new ArrayList<>() : new ArrayList<>(index.personTokens(f.tenant,
                    f.client.familyName(), f.client.givenName(), f.client.dateOfBirth()));
        });
    }

    @EventHandler
    void on(ContactRecordedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.contacts.add(new CaseFile.Contact(e.contactId().value(), e.contactOn(),
                e.kind(), e.durationMinutes(), text(f, e.interpreterLanguage()), text(f, e.participants()),
                text(f, e.note()), false)));
    }

    @EventHandler
    void on(ConsentRecordedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.consents.add(new CaseFile.Consent(e.consentId().value(), e.recipient(),
                e.purposes(), e.dataCategories(), e.form(), e.givenOn(), e.validUntil(), text(f, e.evidenceReference()), null, null)));
    }

    @EventHandler
    void on(ConsentRevokedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.consents, c -> c.id().equals(e.consentId().value()),
                c -> new CaseFile.Consent(c.id(), c.recipient(), c.purposes(), c.dataCategories(), c.form(),
                        c.givenOn(), c.validUntil(), c.evidenceReference(), e.revokedOn(), c.expiredOn())));
    }

    @EventHandler
    void on(ConsentExpiredEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.consents, c -> c.id().equals(e.consentId().value()),
                c -> new CaseFile.Consent(c.id(), c.recipient(), c.purposes(), c.dataCategories(), c.form(),
                        c.givenOn(), c.validUntil(), c.evidenceReference(), c.revokedOn(), e.expiredOn())));
    }

    @EventHandler
    void on(MarkedEntrustedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            switch (e.item()) {
                case NEED -> replace(f.needs, n -> n.id().equals(e.itemId()), CaseFile.Need::markedEntrusted);
                case MEASURE -> replace(f.measures, m -> m.id().equals(e.itemId()), CaseFile.Measure::markedEntrusted);
                case ACHIEVEMENT -> replace(f.achievements, a -> a.id().equals(e.itemId()),
                        CaseFile.Achievement::markedEntrusted);
                case CONTACT -> replace(f.contacts, c -> c.id().equals(e.itemId()), CaseFile.Contact::markedEntrusted);
            }
        });
    }

    @EventHandler
    void on(SharedAchievementsWithdrawnEvent e, @SequenceNumber long seq) {
        Set<String> withdrawn = e.achievementIds().stream().map(AchievementId::value).collect(Collectors.toSet());
        change(e.caseId(), seq, f -> replace(f.achievements, a -> withdrawn.contains(a.id()), a -> a.shared(false)));
    }

    @EventHandler
    void on(NeedAssessedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.needs.add(new CaseFile.Need(e.needId().value(), e.fieldOfAction(), e.priority(),
                text(f, e.description()), "OPEN", null, false)));
    }

    @EventHandler
    void on(NeedUpdatedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.needs, n -> n.id().equals(e.needId().value()),
                n -> new CaseFile.Need(n.id(), n.fieldOfAction(), e.priority(), text(f, e.description()), n.status(),
                        null, n.entrusted())));
    }

    @EventHandler
    void on(NeedResolvedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.needs, n -> n.id().equals(e.needId().value()),
                n -> new CaseFile.Need(n.id(), n.fieldOfAction(), n.priority(), n.description(), "RESOLVED",
                        e.resolvedOn(), n.entrusted())));
    }

    @EventHandler
    void on(IntegrationPlanAgreedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            List<CaseFile.Goal> goals = new ArrayList<>();
            if (f.plan != null) {
                // Reached and dropped goals stay on the plan; open ones are replaced by the new agreement.
                f.plan.goals().stream().filter(g -> !"OPEN".equals(g.status())).forEach(goals::add);
            }
            e.goals().forEach(g -> goals.add(new CaseFile.Goal(g.goalId().value(), g.fieldOfAction(), text(f, g.description()),
                    g.targetDate(), "OPEN", null, null)));
            f.plan = new CaseFile.Plan(e.agreedOn(), goals);
        });
    }

    @EventHandler
    void on(GoalAchievedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.plan.goals(), g -> g.id().equals(e.goalId().value()),
                g -> new CaseFile.Goal(g.id(), g.fieldOfAction(), g.description(), g.targetDate(), "ACHIEVED",
                        e.achievedOn(), null)));
    }

    @EventHandler
    void on(GoalDroppedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.plan.goals(), g -> g.id().equals(e.goalId().value()),
                g -> new CaseFile.Goal(g.id(), g.fieldOfAction(), g.description(), g.targetDate(), "DROPPED", null,
                        text(f, e.reason()))));
    }

    @EventHandler
    void on(ReferralMadeEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.referrals.add(new CaseFile.Referral(e.referralId().value(), e.partnerId(),
                e.offerId(), e.needId().value(), e.fieldOfAction(), ReferralStatus.MADE, e.madeOn(), null, null, null,
                null)));
    }

    @EventHandler
    void on(ReferralAcceptedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> referral(f, e.referralId(), r -> new CaseFile.Referral(r.id(), r.partnerId(),
                r.offerId(), r.needId(), r.fieldOfAction(), ReferralStatus.ACCEPTED, r.madeOn(), e.answeredAt(), null,
                null, null)));
    }

    @EventHandler
    void on(ReferralDeclinedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> referral(f, e.referralId(), r -> new CaseFile.Referral(r.id(), r.partnerId(),
                r.offerId(), r.needId(), r.fieldOfAction(), ReferralStatus.DECLINED, r.madeOn(), e.answeredAt(),
                text(f, e.reason()), null, null)));
    }

    @EventHandler
    void on(ReferralCompletedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> referral(f, e.referralId(), r -> new CaseFile.Referral(r.id(), r.partnerId(),
                r.offerId(), r.needId(), r.fieldOfAction(), ReferralStatus.COMPLETED, r.madeOn(), e.answeredAt(), null,
                text(f, e.result()), null)));
    }

    @EventHandler
    void on(ReferralWithdrawnEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> referral(f, e.referralId(), r -> new CaseFile.Referral(r.id(), r.partnerId(),
                r.offerId(), r.needId(), r.fieldOfAction(), ReferralStatus.WITHDRAWN, r.madeOn(), r.answeredAt(),
                r.declineReason(), r.result(), text(f, e.reason()))));
    }

    @EventHandler
    void on(MeasureRecordedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.measures.add(new CaseFile.Measure(e.measureId().value(), e.kind(),
                e.needId().value(), e.fundedBy(), e.from(), e.to(), text(f, e.provider()),
                e.awaitingConfirmation() ? "AWAITING_CONFIRMATION" : "ACTIVE", List.of(), null, false)));
    }

    @EventHandler
    void on(DoubleFundingWarnedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> measure(f, e.measureId(), m -> {
            List<String> with = new ArrayList<>(m.doubleFundingWith());
            with.add(e.conflictingMeasureId().value());
            return new CaseFile.Measure(m.id(), m.kind(), m.needId(), m.fundedBy(), m.from(), m.to(), m.provider(),
                    m.status(), with, m.justification(), m.entrusted());
        }));
    }

    @EventHandler
    void on(MeasureConfirmedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> measure(f, e.measureId(), m -> new CaseFile.Measure(m.id(), m.kind(), m.needId(),
                m.fundedBy(), m.from(), m.to(), m.provider(), "ACTIVE", m.doubleFundingWith(),
                text(f, e.justification()), m.entrusted())));
    }

    @EventHandler
    void on(MeasureWithdrawnEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> measure(f, e.measureId(), m -> new CaseFile.Measure(m.id(), m.kind(), m.needId(),
                m.fundedBy(), m.from(), m.to(), m.provider(), "WITHDRAWN", m.doubleFundingWith(), m.justification(),
                m.entrusted())));
    }

    @EventHandler
    void on(LegalDomainsChangedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.legalDomains = e.current();
            f.legalDomainTimeline.add(new CaseFile.LegalDomainPeriod(e.current(), e.since()));
        });
    }

    @EventHandler
    void on(FollowUpScheduledEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            String subject = text(f, e.subject());
            f.followUps.add(new CaseFile.FollowUp(e.followUpId().value(), e.dueOn(), subject, e.assignee(), null));
            store.followUpScheduled(new FollowUpEntry(followUpKey(e.caseId(), e.followUpId()), f.tenant, f.id,
                    f.caseNumber, e.followUpId().value(), e.dueOn(), subject, e.assignee(), null));
        });
    }

    @EventHandler
    void on(FollowUpCompletedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            replace(f.followUps, u -> u.id().equals(e.followUpId().value()),
                    u -> new CaseFile.FollowUp(u.id(), u.dueOn(), u.subject(), u.assignee(), e.completedOn()));
            store.followUpCompleted(followUpKey(e.caseId(), e.followUpId()), e.completedOn());
        });
    }

    @EventHandler
    void on(ThemeTaggedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.themes.add(new CaseFile.Theme(e.themeCode(), text(f, e.freeText()))));
    }

    @EventHandler
    void on(ResidenceRecordLinkedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.residenceRecordId = e.residenceRecordId();
            f.residenceRecordLink = "REQUESTED";
        });
    }

    @EventHandler
    void on(ResidenceRecordLinkConfirmedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.residenceRecordLink = "CONFIRMED");
    }

    @EventHandler
    void on(ResidenceRecordLinkRefusedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.residenceRecordLink = "REFUSED");
    }

    @EventHandler
    void on(AchievementRecordedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.achievements.add(new CaseFile.Achievement(e.achievementId().value(), e.kind(),
                e.level(), e.achievedOn(), false, false)));
    }

    @EventHandler
    void on(AchievementSharedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> replace(f.achievements, a -> a.id().equals(e.achievementId().value()),
                a -> a.shared(true)));
    }

    @EventHandler
    void on(StatusCheckRequestedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> f.statusChecks.add(new CaseFile.StatusCheck(e.statusCheckId().value(),
                e.residenceRecordId(), e.requestedOn(), null, null)));
    }

    @EventHandler
    void on(StatusCheckAnsweredEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            StatusCheckAnswered.Answer answer = vault.open(f.tenant, e.answer(), StatusCheckAnswered.Answer.class).orElse(null);
            replace(f.statusChecks, c -> c.id().equals(e.statusCheckId().value()), c -> c.answered(e.answeredOn(), answer));
            if (answer != null && (f.residenceStatus == null || !e.answeredOn().isBefore(f.residenceStatus.asOf()))) {
                f.residenceStatus = new CaseFile.ResidenceStatus(answer.statusType(), answer.legalBasis(),
                        answer.validUntil(), e.answeredOn());
            }
        });
    }

    @EventHandler
    void on(CaseHandedOverEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.assignee = e.toCaseManager();
            f.handOvers.add(new CaseFile.HandOver(e.fromCaseManager(), e.toCaseManager(), text(f, e.note())));
            // Open follow-ups of the previous case manager move with the case.
            replace(f.followUps, u -> u.completedOn() == null && e.fromCaseManager().equals(u.assignee()),
                    u -> new CaseFile.FollowUp(u.id(), u.dueOn(), u.subject(), e.toCaseManager(), null));
            store.followUpsHandedOver(f.id, e.fromCaseManager(), e.toCaseManager());
        });
    }

    @EventHandler
    void on(ClientErasedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.erase(e.erasedOn());
            store.followUpSubjectsErased(f.id);
        });
    }

    @EventHandler
    void on(ErasureBlockChangedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            if (e.block() == ErasureBlock.LEGAL_HOLD) {
                f.legalHold = e.active();
            } else {
                f.disputed = e.active();
            }
        });
    }

    @EventHandler
    void on(CaseClosedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.status = "CLOSED";
            f.outcome = e.outcome();
            f.closedOn = e.closedOn();
        });
    }

    @EventHandler
    void on(CaseReopenedEvent e, @SequenceNumber long seq) {
        change(e.caseId(), seq, f -> {
            f.status = "OPEN";
            f.outcome = null;
            f.closedOn = null;
        });
    }

    private void change(CaseId caseId, long sequence, Consumer<CaseFile> change) {
        CaseFile file = store.find(caseId.value());
        if (file == null || file.version >= sequence) {
            return;
        }
        change.accept(file);
        file.version = sequence;
        store.save(file);
    }

    private static void referral(CaseFile f, ReferralId id, UnaryOperator<CaseFile.Referral> change) {
        replace(f.referrals, r -> r.id().equals(id.value()), change);
    }

    private static void measure(CaseFile f, MeasureId id, UnaryOperator<CaseFile.Measure> change) {
        replace(f.measures, m -> m.id().equals(id.value()), change);
    }

    private static <T> void replace(List<T> items, java.util.function.Predicate<T> which, UnaryOperator<T> change) {
        items.replaceAll(item -> which.test(item) ? change.apply(item) : item);
    }

    /** A sealed text of the file's client: itself, empty once the client is erased, null when none was typed. */
    private String text(CaseFile file, Sealed sealed) {
        return texts.open(file.tenant, sealed);
    }

    private static String followUpKey(CaseId caseId, FollowUpId followUpId) {
        return caseId.value() + ":" + followUpId.value();
    }
}
