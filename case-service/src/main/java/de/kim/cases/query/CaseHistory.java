package de.kim.cases.query;

import de.kim.cases.api.*;
import de.kim.cases.command.ThemeCatalogue;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.cases.ConsentRevoked;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.platform.web.StaffNames;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The full history of a case as a timeline in plain words, read from the event store itself
 * (paged newest first for the case file, whole and oldest first for the self-disclosure),
 * so it shows everything that happened, in order, with who did it: each line a sentence in the
 * reader's language, with labels instead of codes and names instead of partner, offer and user ids. Its texts are opened with the
 * client's key; once the client is erased, each line keeps only what happened and when.
 */
@Component
public class CaseHistory {

    private final EventStore events;
    private final MessageSource messages;
    private final CaseTexts texts;
    private final PartnerDirectoryProjection directory;
    private final ThemeCatalogue themes;
    private final PersonalDataVault vault;
    private final StaffNames staff;

    public CaseHistory(EventStore events, MessageSource messages, CaseTexts texts, PartnerDirectoryProjection directory,
                       ThemeCatalogue themes, PersonalDataVault vault, StaffNames staff) {
        this.events = events;
        this.staff = staff;
        this.vault = vault;
        this.messages = messages;
        this.texts = texts;
        this.directory = directory;
        this.themes = themes;
    }

    /**
     * One thing that happened to the case: {@code actor} is the user id of who did it, {@code actorName}
     * their name as the pages show it.
     */
    public record Entry(long sequence, Instant time, String actor, String actorName, String type, String text) {
    }

    /** One page of the history: its entries, newest first, and how many entries there are in all. */
    public record Page(List<Entry> items, long total) {
    }

    /** The history, oldest first, or nothing when the case does not exist for this tenant. */
    public Optional<List<Entry>> of(String tenant, String caseId) {
        return stream(tenant, caseId).map(stream -> {
            boolean erased = erased(stream);
            Map<String, String> staffNames = staff.of(tenant);
            try (PersonalDataVault.KeysCached client = vault.cachingKeys()) {
                return stream.stream().map(m -> entry(m, tenant, erased, staffNames)).toList();
            }
        });
    }

    /**
     * One page of the history, newest first ({@code page} from 0), or nothing when the case has no
     * events. Only the page's events are read from the event store, and only they are written as
     * sentences, so a page of a case with hundreds of events costs what a page of a young case does.
     * The case file's head ({@code CaseQueries.FindCaseHeadQuery}, which the caller read to check
     * access) tells whether the client is erased, up to its {@code version}; the events after it,
     * which the read model has not seen yet, are looked at too.
     */
    public Optional<Page> page(String tenant, String caseId, CaseFile head, int page, int size) {
        Optional<Long> last = events.lastSequenceNumberFor(caseId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long total = last.get() + 1;
        long newest = last.get() - (long) page * size;
        long oldest = Math.max(0, newest - size + 1);
        List<DomainEventMessage<?>> found = newest < 0 ? List.of() : read(caseId, oldest, newest);
        // Only a page with entries has anything to word as erased.
        boolean erased = !found.isEmpty() && (head.erasedOn != null || erased(found)
                || erasedUnseen(caseId, head.version, last.get(), oldest, newest));
        List<Entry> items = new ArrayList<>(found.size());
        Map<String, String> staffNames = found.isEmpty() ? Map.of() : staff.of(tenant);
        // The client's key is read from the key store once for the page, not once per sealed text.
        try (PersonalDataVault.KeysCached client = vault.cachingKeys()) {
            for (int i = found.size() - 1; i >= 0; i--) {
                items.add(entry(found.get(i), tenant, erased, staffNames));
            }
        }
        return Optional.of(new Page(items, total));
    }

    /**
     * Whether an event the read model has not applied yet (after its {@code version}, up to {@code last})
     * erases the client, not counting the page's own events ({@code oldest} to {@code newest}), which were
     * read and looked at already: usually nothing is left to read.
     */
    private boolean erasedUnseen(String caseId, long version, long last, long oldest, long newest) {
        return (version + 1 < oldest && erased(read(caseId, version + 1, oldest - 1)))
                || (Math.max(version, newest) < last && erased(read(caseId, Math.max(version, newest) + 1, last)));
    }

    /** The case's events from one sequence number to another, both included, not yet deserialised. */
    private List<DomainEventMessage<?>> read(String caseId, long from, long to) {
        List<DomainEventMessage<?>> read = new ArrayList<>((int) Math.min(to - from + 1, 1_000));
        DomainEventStream stream = events.readEvents(caseId, from);
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= to) {
            read.add(stream.next());
        }
        return read;
    }

    private Optional<List<? extends DomainEventMessage<?>>> stream(String tenant, String caseId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(caseId).asStream().toList();
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof CaseOpenedEvent opened)
                || !opened.tenant().equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(stream);
    }

    /** By the events' types, which the event store keeps beside them: no event but the page's is deserialised. */
    private static boolean erased(List<? extends DomainEventMessage<?>> stream) {
        return stream.stream().anyMatch(m -> ClientErasedEvent.class.equals(m.getPayloadType()));
    }

    /** After an erasure the history keeps what happened and when, but no free text that may describe the client. */
    private Entry entry(DomainEventMessage<?> message, String tenant, boolean erased, Map<String, String> staffNames) {
        Object event = message.getPayload();
        String type = event.getClass().getSimpleName().replaceFirst("Event$", "");
        String text = erased && !(event instanceof ClientErasedEvent)
                ? messages.getMessage("history.erased-entry", new Object[]{message("history.kind." + type)},
                        message("history.other"), LocaleContextHolder.getLocale())
                : messages.getMessage("history." + type, arguments(event, tenant, staffNames), message("history.other"),
                        LocaleContextHolder.getLocale());
        String actor = (String) message.getMetaData().get(Actor.USER);
        return new Entry(message.getSequenceNumber(), message.getTimestamp(), actor,
                actorName(actor, (String) message.getMetaData().get(Actor.VIA_SERVICE), staffNames), type, text);
    }

    /**
     * Who did it, in words: a member of staff by name ({@link #named}); what the service did on its own or
     * for another Baustein (a partner's answer, the immigration office's hand-over, an expired consent, the
     * retention period) by what it is, named by the service principal that did it.
     */
    private String actorName(String actor, String service, Map<String, String> staffNames) {
        if ((actor != null && staffNames.containsKey(actor)) || service == null || service.isBlank()) {
            return named(actor, staffNames);
        }
        return messages.getMessage("history.actor." + service, null, named(actor, staffNames), LocaleContextHolder.getLocale());
    }

    /** A member of staff by name where it is known, else by user id (who has not signed in since names are learned). */
    private static String named(String userId, Map<String, String> staffNames) {
        return userId == null ? "" : staffNames.getOrDefault(userId, userId);
    }

    /**
     * What each kind of event says in its line; never more personal data than the case file shows.
     * The arguments are resolved when the line is written: a code becomes its label from the
     * vocabulary's bundle, a partner or offer its name from the partner directory, a day
     * {@code tt.mm.jjjj}, and a text typed about the client is opened with the client's key.
     */
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final EventSwitch<Object[]> ARGUMENTS = EventSwitch.<Object[]>builder()
            .on(CaseOpenedEvent.class, e -> args(code(e.targetGroup()), code(e.accessRoute()), staff(e.assignee())))
            .on(ConsentRecordedEvent.class, e -> args(partner(e.recipient()), codes(e.purposes()),
                    codes(e.dataCategories()), e.validUntil()))
            .on(ConsentRevokedEvent.class, e -> args(partner(e.recipient())))
            .on(ConsentExpiredEvent.class, e -> args(partner(e.recipient())))
            .on(ClientRectifiedEvent.class, e -> args(e.changedFields(), e.copies().size()))
            .on(ContactRecordedEvent.class, e -> args(e.contactOn(), code(e.kind()), e.durationMinutes(),
                    e.interpreterLanguage() == null ? 0 : 1, text(e.note())))
            .on(MarkedEntrustedEvent.class, e -> args(e.item().ordinal()))
            .on(SharedAchievementsWithdrawnEvent.class, e -> args(e.achievementIds().size()))
            .on(NeedAssessedEvent.class, e -> args(code(e.fieldOfAction()), code(e.priority())))
            .on(NeedUpdatedEvent.class, e -> args(code(e.priority())))
            .on(NeedResolvedEvent.class, e -> args(code(e.fieldOfAction())))
            .on(IntegrationPlanAgreedEvent.class, e -> args(e.goals().size(), e.agreedOn()))
            .on(GoalAchievedEvent.class, e -> args(code(e.fieldOfAction()), e.achievedOn()))
            .on(GoalDroppedEvent.class, e -> args(code(e.fieldOfAction()), text(e.reason())))
            .on(ReferralMadeEvent.class, e -> args(partner(e.partnerId()), new Offer(e.partnerId(), e.offerId()),
                    code(e.fieldOfAction())))
            .on(ReferralAcceptedEvent.class, e -> args(partner(e.partnerId())))
            .on(ReferralDeclinedEvent.class, e -> args(partner(e.partnerId()), answer(e.reason())))
            .on(ReferralCompletedEvent.class, e -> args(partner(e.partnerId()), answer(e.result())))
            .on(ReferralWithdrawnEvent.class, e -> args(partner(e.partnerId()), text(e.reason())))
            .on(MeasureRecordedEvent.class, e -> args(code(e.kind()), code(e.fundedBy()), e.from(), e.to()))
            .on(DoubleFundingWarnedEvent.class, e -> args(code(e.kind()), code(e.fundedBy()), code(e.alreadyFundedBy())))
            .on(MeasureConfirmedEvent.class, e -> args(text(e.justification())))
            .on(MeasureWithdrawnEvent.class, e -> args(text(e.reason())))
            .on(LegalDomainsChangedEvent.class, e -> args(codes(e.previous()), codes(e.current()), e.since()))
            .on(FollowUpScheduledEvent.class, e -> args(e.dueOn(), text(e.subject()), staff(e.assignee())))
            .on(FollowUpCompletedEvent.class, e -> args(e.completedOn()))
            .on(ClientErasedEvent.class, e -> args(new Key("history.ground." + e.ground()), text(e.reference())))
            .on(ErasureBlockChangedEvent.class, e -> args(new Key("history.block." + e.block()), e.active() ? 1 : 0,
                    text(e.reason())))
            .on(ThemeTaggedEvent.class, e -> args(e.freeText() == null ? new Theme(e.themeCode()) : text(e.freeText())))
            .on(ResidenceRecordLinkedEvent.class, e -> args())
            .on(AchievementRecordedEvent.class, e -> args(code(e.kind()), e.level() == null ? "" : e.level(), e.achievedOn()))
            .on(AchievementSharedEvent.class, e -> args(code(e.kind())))
            .on(StatusCheckRequestedEvent.class, e -> args())
            .on(StatusCheckAnsweredEvent.class, e -> args(e.answer() == null ? 0 : 1))
            .on(CaseHandedOverEvent.class, e -> args(staff(e.fromCaseManager()), staff(e.toCaseManager())))
            .on(CaseClosedEvent.class, e -> args(code(e.outcome())))
            .on(CaseReopenedEvent.class, e -> args(text(e.reason())))
            .build();

    /** A sealed text among a line's arguments, opened with the client's key when the line is written. */
    private record Text(Sealed sealed) {
    }

    /** A sealed answer of a partner: a reason or result code of the vocabulary reads as its label, free text as itself. */
    private record Answer(Sealed sealed) {
    }

    /** A code of the vocabulary, shown as its label. */
    private record Code(Object code) {
    }

    /** Codes of the vocabulary, shown as their labels; none as the word for none. */
    private record Codes(Collection<?> codes) {
    }

    /** A partner (or the immigration office as a consent's recipient), shown by name. */
    private record Partner(String id) {
    }

    /** A partner's offer, shown by its title. */
    private record Offer(String partnerId, String offerId) {
    }

    /** A generative theme of the managed list, shown by its label. */
    private record Theme(String code) {
    }

    /** A message of this service's own bundle, such as the word for an erasure ground. */
    private record Key(String key) {
    }

    /** A member of staff, shown by the name they sign in with where it is known ({@link StaffNames}), else by user id. */
    private record Staff(String userId) {
    }

    private static Text text(Sealed sealed) {
        return new Text(sealed);
    }

    private static Answer answer(Sealed sealed) {
        return new Answer(sealed);
    }

    private static Code code(Object code) {
        return new Code(code);
    }

    private static Codes codes(Collection<?> codes) {
        return new Codes(codes == null ? List.of() : codes);
    }

    private static Partner partner(String id) {
        return new Partner(id);
    }

    private static Staff staff(String userId) {
        return new Staff(userId);
    }

    private static Object[] args(Object... arguments) {
        return arguments;
    }

    private Object[] arguments(Object event, String tenant, Map<String, String> staffNames) {
        Object[] arguments = ARGUMENTS.apply(event).orElseGet(() -> new Object[0]);
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = shown(arguments[i], tenant, staffNames);
        }
        return arguments;
    }

    private Object shown(Object argument, String tenant, Map<String, String> staffNames) {
        if (argument instanceof Staff member) {
            return named(member.userId(), staffNames);
        }
        if (argument instanceof Text text) {
            return shown(texts.open(tenant, text.sealed()));
        }
        if (argument instanceof Answer answer) {
            return label(shown(texts.open(tenant, answer.sealed())));
        }
        if (argument instanceof Code code) {
            return label(code.code());
        }
        if (argument instanceof Codes codes) {
            return codes.codes().isEmpty() ? message("history.none")
                    : codes.codes().stream().map(this::label).sorted().collect(Collectors.joining(", "));
        }
        if (argument instanceof Partner partner) {
            return ConsentRevoked.IMMIGRATION_OFFICE.equals(partner.id()) ? message("history.immigration-office")
                    : directory.partnerName(tenant, partner.id()).orElseGet(() -> message("history.partner-unknown"));
        }
        if (argument instanceof Offer offer) {
            return directory.offerTitle(tenant, offer.partnerId(), offer.offerId())
                    .map(title -> "„" + title + "“").orElseGet(() -> message("history.offer-unknown"));
        }
        if (argument instanceof Theme theme) {
            return themes.themes().getOrDefault(theme.code(), message("history.theme-unknown"));
        }
        if (argument instanceof Key key) {
            return message(key.key());
        }
        if (argument instanceof LocalDate day) {
            return GERMAN_DATE.format(day);
        }
        return argument == null ? "" : argument;
    }

    /** A code's label from the vocabulary's bundle; a text that is no code stays as it is. */
    private String label(Object code) {
        if (code == null) {
            return "";
        }
        String text = String.valueOf(code instanceof Enum<?> constant ? constant.name() : code);
        return messages.getMessage("code." + text, null, text, LocaleContextHolder.getLocale());
    }

    private String message(String key) {
        return messages.getMessage(key, null, "", LocaleContextHolder.getLocale());
    }

    /** A text as a line shows it: never "null"; the word for "erased" where the client's key is gone. */
    private String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() ? messages.getMessage("case.erased-text", null, "", LocaleContextHolder.getLocale()) : text;
    }
}
