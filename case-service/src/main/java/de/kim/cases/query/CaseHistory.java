package de.kim.cases.query;

import de.kim.cases.api.*;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.privacy.Sealed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
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

    /**
     * What each kind of event says in its line; never more personal data than the case file shows.
     * A text typed about the client is an argument {@link #text}, opened with the client's key when
     * the line is written.
     */
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final EventSwitch<Object[]> ARGUMENTS = EventSwitch.<Object[]>builder()
            .on(CaseOpenedEvent.class, e -> args(e.targetGroup(), e.accessRoute(), e.assignee()))
            .on(ConsentRecordedEvent.class, e -> args(e.recipient(), e.purposes(), e.dataCategories(), e.validUntil()))
            .on(ConsentRevokedEvent.class, e -> args(e.recipient()))
            .on(ConsentExpiredEvent.class, e -> args(e.recipient()))
            .on(ClientRectifiedEvent.class, e -> args(e.changedFields(), e.copies().size()))
            .on(ContactRecordedEvent.class, e -> args(GERMAN_DATE.format(e.contactOn()), e.kind().ordinal(),
                    e.durationMinutes(), e.interpreterLanguage() == null ? 0 : 1, text(e.note())))
            .on(MarkedEntrustedEvent.class, e -> args(e.item().ordinal()))
            .on(SharedAchievementsWithdrawnEvent.class, e -> args(e.achievementIds().size()))
            .on(NeedAssessedEvent.class, e -> args(e.fieldOfAction(), e.priority()))
            .on(NeedUpdatedEvent.class, e -> args(e.priority()))
            .on(NeedResolvedEvent.class, e -> args(e.fieldOfAction()))
            .on(IntegrationPlanAgreedEvent.class, e -> args(e.goals().size(), e.agreedOn()))
            .on(GoalAchievedEvent.class, e -> args(e.fieldOfAction(), e.achievedOn()))
            .on(GoalDroppedEvent.class, e -> args(e.fieldOfAction(), text(e.reason())))
            .on(ReferralMadeEvent.class, e -> args(e.partnerId(), e.offerId(), e.fieldOfAction()))
            .on(ReferralAcceptedEvent.class, e -> args(e.partnerId()))
            .on(ReferralDeclinedEvent.class, e -> args(e.partnerId(), text(e.reason())))
            .on(ReferralCompletedEvent.class, e -> args(e.partnerId(), text(e.result())))
            .on(ReferralWithdrawnEvent.class, e -> args(e.partnerId(), text(e.reason())))
            .on(MeasureRecordedEvent.class, e -> args(e.kind(), e.fundedBy(), e.from(), e.to()))
            .on(DoubleFundingWarnedEvent.class, e -> args(e.kind(), e.fundedBy(), e.alreadyFundedBy()))
            .on(MeasureConfirmedEvent.class, e -> args(text(e.justification())))
            .on(MeasureWithdrawnEvent.class, e -> args(text(e.reason())))
            .on(LegalDomainsChangedEvent.class, e -> args(e.previous(), e.current(), e.since()))
            .on(FollowUpScheduledEvent.class, e -> args(e.dueOn(), text(e.subject()), e.assignee()))
            .on(FollowUpCompletedEvent.class, e -> args(e.completedOn()))
            .on(ClientErasedEvent.class, e -> args(e.ground(), text(e.reference())))
            .on(ErasureBlockChangedEvent.class, e -> args(e.block(), e.active() ? 1 : 0, text(e.reason())))
            .on(ThemeTaggedEvent.class, e -> args(e.freeText() == null ? e.themeCode() : text(e.freeText())))
            .on(ResidenceRecordLinkedEvent.class, e -> args())
            .on(AchievementRecordedEvent.class, e -> args(e.kind(), e.level() == null ? "" : e.level(), e.achievedOn()))
            .on(AchievementSharedEvent.class, e -> args(e.kind()))
            .on(StatusCheckRequestedEvent.class, e -> args())
            .on(StatusCheckAnsweredEvent.class, e -> args(e.answer() == null ? 0 : 1))
            .on(CaseHandedOverEvent.class, e -> args(e.fromCaseManager(), e.toCaseManager()))
            .on(CaseClosedEvent.class, e -> args(e.outcome()))
            .on(CaseReopenedEvent.class, e -> args(text(e.reason())))
            .build();

    /** A sealed text among a line's arguments, opened with the client's key when the line is written. */
    private record Text(Sealed sealed) {
    }

    private static Text text(Sealed sealed) {
        return new Text(sealed);
    }

    private static Object[] args(Object... arguments) {
        return arguments;
    }

    private Object[] arguments(Object event, String tenant) {
        Object[] arguments = ARGUMENTS.apply(event).orElseGet(() -> new Object[0]);
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Text text) {
                arguments[i] = shown(texts.open(tenant, text.sealed()));
            }
        }
        return arguments;
    }

    /** A text as a line shows it: never "null"; the word for "erased" where the client's key is gone. */
    private String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() ? messages.getMessage("case.erased-text", null, "", LocaleContextHolder.getLocale()) : text;
    }
}
