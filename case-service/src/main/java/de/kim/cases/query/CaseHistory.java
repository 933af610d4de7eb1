package de.kim.cases.query;

import de.kim.cases.api.*;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.Actor;
import de.kim.platform.privacy.Sealed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The full history of a case as a timeline in plain words, read from the event store itself,
 * so it shows everything that happened, in order, with who did it. Its texts are opened with the
 * client's key; once the client is erased, each line keeps only what happened and when.
 */
@Component
public class CaseHistory {

    private final EventStore events;
    private final MessageSource messages;
    private final CaseTexts texts;

    public CaseHistory(EventStore events, MessageSource messages, CaseTexts texts) {
        this.events = events;
        this.messages = messages;
        this.texts = texts;
    }

    /** One thing that happened to the case. */
    public record Entry(long sequence, Instant time, String actor, String type, String text) {
    }

    /** The history, or nothing when the case does not exist for this tenant. */
    public Optional<List<Entry>> of(String tenant, String caseId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(caseId).asStream().toList();
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof CaseOpenedEvent opened)
                || !opened.tenant().equals(tenant)) {
            return Optional.empty();
        }
        boolean erased = stream.stream().anyMatch(m -> m.getPayload() instanceof ClientErasedEvent);
        return Optional.of(stream.stream().map(m -> entry(m, tenant, erased)).toList());
    }

    /** After an erasure the history keeps what happened and when, but no free text that may describe the client. */
    private Entry entry(DomainEventMessage<?> message, String tenant, boolean erased) {
        Object event = message.getPayload();
        String type = event.getClass().getSimpleName().replaceFirst("Event$", "");
        String text = erased && !(event instanceof ClientErasedEvent)
                ? messages.getMessage("history.erased-entry", new Object[]{type}, type, LocaleContextHolder.getLocale())
                : messages.getMessage("history." + type, arguments(event, tenant), type, LocaleContextHolder.getLocale());
        return new Entry(message.getSequenceNumber(), message.getTimestamp(),
                (String) message.getMetaData().get(Actor.USER), type, text);
    }

    /** What each kind of event says in its line; never more personal data than the case file shows. */
    private Object[] arguments(Object event, String tenant) {
        java.util.function.Function<Sealed, String> text = sealed -> shown(texts.open(tenant, sealed));
        if (event instanceof CaseOpenedEvent e) {
            return new Object[]{e.targetGroup(), e.accessRoute(), e.assignee()};
        } else if (event instanceof ConsentRecordedEvent e) {
            return new Object[]{e.recipient(), e.purposes(), e.dataCategories(), e.validUntil()};
        } else if (event instanceof ConsentRevokedEvent e) {
            return new Object[]{e.recipient()};
        } else if (event instanceof ConsentExpiredEvent e) {
            return new Object[]{e.recipient()};
        } else if (event instanceof MarkedEntrustedEvent e) {
            return new Object[]{e.item().ordinal()};
        } else if (event instanceof SharedAchievementsWithdrawnEvent e) {
            return new Object[]{e.achievementIds().size()};
        } else if (event instanceof NeedAssessedEvent e) {
            return new Object[]{e.fieldOfAction(), e.priority()};
        } else if (event instanceof NeedUpdatedEvent e) {
            return new Object[]{e.priority()};
        } else if (event instanceof NeedResolvedEvent e) {
            return new Object[]{e.fieldOfAction()};
        } else if (event instanceof IntegrationPlanAgreedEvent e) {
            return new Object[]{e.goals().size(), e.agreedOn()};
        } else if (event instanceof GoalAchievedEvent e) {
            return new Object[]{e.fieldOfAction(), e.achievedOn()};
        } else if (event instanceof GoalDroppedEvent e) {
            return new Object[]{e.fieldOfAction(), text.apply(e.reason())};
        } else if (event instanceof ReferralMadeEvent e) {
            return new Object[]{e.partnerId(), e.offerId(), e.fieldOfAction()};
        } else if (event instanceof ReferralAcceptedEvent e) {
            return new Object[]{e.partnerId()};
        } else if (event instanceof ReferralDeclinedEvent e) {
            return new Object[]{e.partnerId(), text.apply(e.reason())};
        } else if (event instanceof ReferralCompletedEvent e) {
            return new Object[]{e.partnerId(), text.apply(e.result())};
        } else if (event instanceof ReferralWithdrawnEvent e) {
            return new Object[]{e.partnerId(), text.apply(e.reason())};
        } else if (event instanceof MeasureRecordedEvent e) {
            return new Object[]{e.kind(), e.fundedBy(), e.from(), e.to()};
        } else if (event instanceof DoubleFundingWarnedEvent e) {
            return new Object[]{e.kind(), e.fundedBy(), e.alreadyFundedBy()};
        } else if (event instanceof MeasureConfirmedEvent e) {
            return new Object[]{text.apply(e.justification())};
        } else if (event instanceof MeasureWithdrawnEvent e) {
            return new Object[]{text.apply(e.reason())};
        } else if (event instanceof LegalDomainsChangedEvent e) {
            return new Object[]{e.previous(), e.current(), e.since()};
        } else if (event instanceof FollowUpScheduledEvent e) {
            return new Object[]{e.dueOn(), text.apply(e.subject()), e.assignee()};
        } else if (event instanceof FollowUpCompletedEvent e) {
            return new Object[]{e.completedOn()};
        } else if (event instanceof ClientErasedEvent e) {
            return new Object[]{e.ground(), text.apply(e.reference())};
        } else if (event instanceof ErasureBlockChangedEvent e) {
            return new Object[]{e.block(), e.active() ? 1 : 0, text.apply(e.reason())};
        } else if (event instanceof ThemeTaggedEvent e) {
            return new Object[]{e.freeText() == null ? e.themeCode() : text.apply(e.freeText())};
        } else if (event instanceof ResidenceRecordLinkedEvent e) {
            return new Object[]{e.residenceRecordId()};
        } else if (event instanceof AchievementRecordedEvent e) {
            return new Object[]{e.kind(), e.level() == null ? "" : e.level(), e.achievedOn()};
        } else if (event instanceof AchievementSharedEvent e) {
            return new Object[]{e.kind()};
        } else if (event instanceof StatusCheckRequestedEvent e) {
            return new Object[]{e.residenceRecordId()};
        } else if (event instanceof CaseHandedOverEvent e) {
            return new Object[]{e.fromCaseManager(), e.toCaseManager()};
        } else if (event instanceof CaseClosedEvent e) {
            return new Object[]{e.outcome()};
        } else if (event instanceof CaseReopenedEvent e) {
            return new Object[]{text.apply(e.reason())};
        }
        return new Object[0];
    }

    /** A text as a line shows it: never "null"; the word for "erased" where the client's key is gone. */
    private String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() ? messages.getMessage("case.erased-text", null, "", LocaleContextHolder.getLocale()) : text;
    }
}
