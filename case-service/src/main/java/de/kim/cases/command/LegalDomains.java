package de.kim.cases.command;

import de.kim.cases.api.ChangeLegalDomainsCommand;
import de.kim.cases.api.LegalDomainsChangedEvent;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The legal domains (SGB II, SGB XII, ...) the client's support falls under, and since when. */
class LegalDomains {

    private final CaseRef caseRef;
    private Set<LegalDomain> current = Set.of();
    private LocalDate since;

    LegalDomains(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(ChangeLegalDomainsCommand command) {
        if (command.legalDomains().equals(current)) {
            throw new ConflictException("case.legal-domains.unchanged");
        }
        if (since != null && command.since().isBefore(since)) {
            throw new InvalidInputException("since", "case.legal-domains.before-last-change");
        }
        apply(new LegalDomainsChangedEvent(caseRef.id(), current, Set.copyOf(command.legalDomains()),
                command.since()));
    }

    @EventSourcingHandler
    void on(LegalDomainsChangedEvent e) {
        current = e.current();
        since = e.since();
    }
}
