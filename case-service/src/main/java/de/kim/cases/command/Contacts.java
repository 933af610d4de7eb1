package de.kim.cases.command;

import de.kim.cases.api.ContactId;
import de.kim.cases.api.ContactRecordedEvent;
import de.kim.cases.api.EntrustedItem;
import de.kim.cases.api.MarkedEntrustedEvent;
import de.kim.cases.api.RecordContactCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The contact log of a case: the counselling contacts (Beratungskontakte) with their notes. */
class Contacts {

    /** A contact lasts at most a day. */
    static final int MAX_MINUTES = 24 * 60;

    private final CaseRef caseRef;
    private final Set<ContactId> contacts = new HashSet<>();

    Contacts(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(RecordContactCommand command, Clock clock, CaseTexts texts) {
        if (contacts.contains(command.contactId())) {
            throw new ConflictException("case.contact.exists");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.contactOn().isAfter(today)) {
            throw new InvalidInputException("contactOn", "case.contact.in-future");
        }
        if (command.durationMinutes() < 1 || command.durationMinutes() > MAX_MINUTES) {
            throw new InvalidInputException("durationMinutes", "case.contact.duration");
        }
        apply(new ContactRecordedEvent(caseRef.id(), command.contactId(), command.contactOn(), command.kind(),
                command.durationMinutes(), caseRef.seal(texts, command.interpreterLanguage()),
                caseRef.seal(texts, command.participants()), caseRef.seal(texts, command.note())));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(caseRef.id(), EntrustedItem.CONTACT, command.contactId().value(), today));
        }
    }

    boolean has(ContactId contactId) {
        return contacts.contains(contactId);
    }

    @EventSourcingHandler
    void on(ContactRecordedEvent e) {
        contacts.add(e.contactId());
    }
}
