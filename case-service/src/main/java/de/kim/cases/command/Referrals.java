package de.kim.cases.command;

import de.kim.cases.api.ConsentId;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.api.ReferralAcceptedEvent;
import de.kim.cases.api.ReferralCompletedEvent;
import de.kim.cases.api.ReferralDeclinedEvent;
import de.kim.cases.api.ReferralId;
import de.kim.cases.api.ReferralMadeEvent;
import de.kim.cases.api.ReferralStatus;
import de.kim.cases.api.ReferralWithdrawnEvent;
import de.kim.cases.api.WithdrawReferralCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The referrals of a case to partners' offers and where each stands. A referral is made by the
 * case ({@link CaseAggregate}: it needs the need, the consents and the client's data); here it is
 * withdrawn and the partner's answers are recorded.
 */
class Referrals {

    private final CaseRef caseRef;
    private final Map<ReferralId, Referral> referrals = new HashMap<>();

    /** A partner that received the client's data with a referral, and the consent it went under. */
    record Held(String partnerId, ConsentId consentId) {
    }

    private record Referral(String partnerId, String offerId, NeedId needId, ConsentId consentId,
                            ReferralStatus status) {
        boolean live() {
            return status == ReferralStatus.MADE || status == ReferralStatus.ACCEPTED;
        }

        Referral now(ReferralStatus next) {
            return new Referral(partnerId, offerId, needId, consentId, next);
        }
    }

    Referrals(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(WithdrawReferralCommand command, CaseTexts texts) {
        Referral referral = referral(command.referralId());
        if (!referral.live()) {
            throw new ConflictException("case.referral.not-live");
        }
        apply(new ReferralWithdrawnEvent(caseRef.id(), command.referralId(), referral.partnerId(),
                caseRef.seal(texts, command.reason())));
    }

    /** The partner's answer arrives by event; a repeated answer changes nothing. */
    @CommandHandler
    void handle(RecordReferralAnswerCommand command, CaseTexts texts) {
        Referral referral = referral(command.referralId());
        if (referral.status() == command.answer()) {
            return;
        }
        boolean allowed = switch (command.answer()) {
            case ACCEPTED, DECLINED -> referral.status() == ReferralStatus.MADE;
            case COMPLETED -> referral.live();
            default -> false;
        };
        if (!allowed) {
            throw new ConflictException("case.referral.answer-not-allowed");
        }
        switch (command.answer()) {
            case ACCEPTED -> apply(new ReferralAcceptedEvent(caseRef.id(), command.referralId(), referral.partnerId(),
                    command.answeredAt()));
            case DECLINED -> apply(new ReferralDeclinedEvent(caseRef.id(), command.referralId(), referral.partnerId(),
                    caseRef.seal(texts, command.reason()), command.answeredAt()));
            default -> apply(new ReferralCompletedEvent(caseRef.id(), command.referralId(), referral.partnerId(),
                    caseRef.seal(texts, command.result()), command.answeredAt()));
        }
    }

    /** Refuses a referral id the case has already used. */
    void requireNew(ReferralId referralId) {
        if (referrals.containsKey(referralId)) {
            throw new ConflictException("case.referral.exists");
        }
    }

    /** Whether a referral to the offer for the need is still made or accepted. */
    boolean liveFor(String offerId, NeedId needId) {
        return referrals.values().stream().anyMatch(r -> r.live() && r.offerId().equals(offerId)
                && r.needId().equals(needId));
    }

    /**
     * Each partner and consent under which the client's data went with a referral, whatever the
     * referral's state: the partner keeps its copy until the consent ends or its grace period passes.
     */
    Set<Held> partnersUnderConsent() {
        return referrals.values().stream().map(r -> new Held(r.partnerId(), r.consentId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Referral referral(ReferralId referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null) {
            throw new NotFoundException("case.referral.not-found");
        }
        return referral;
    }

    @EventSourcingHandler
    void on(ReferralMadeEvent e) {
        referrals.put(e.referralId(), new Referral(e.partnerId(), e.offerId(), e.needId(), e.consentId(),
                ReferralStatus.MADE));
    }

    @EventSourcingHandler
    void on(ReferralAcceptedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.now(ReferralStatus.ACCEPTED));
    }

    @EventSourcingHandler
    void on(ReferralDeclinedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.now(ReferralStatus.DECLINED));
    }

    @EventSourcingHandler
    void on(ReferralCompletedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.now(ReferralStatus.COMPLETED));
    }

    @EventSourcingHandler
    void on(ReferralWithdrawnEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.now(ReferralStatus.WITHDRAWN));
    }
}
