package de.kim.immigration.command;

import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.immigration.api.AnswerCaseLinkCommand;
import de.kim.immigration.api.CaseLinkAnsweredEvent;
import de.kim.immigration.api.CaseLinkRequestedEvent;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.RecordStatusCheckRequestCommand;
import de.kim.immigration.api.RequestCaseLinkCommand;
import de.kim.immigration.api.StatusCheckCompletedEvent;
import de.kim.immigration.api.StatusCheckId;
import de.kim.immigration.api.StatusCheckRequestedEvent;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the record has to do with case management: the cases linked to it and the status checks
 * they ask. Case management asks for a link; the officer confirms that the case's client is the
 * record's person (or refuses), and where the office handed the person over to case management
 * the link is confirmed at once. Achievements and status checks come only over a confirmed link.
 */
class CaseCooperation {

    enum Link { REQUESTED, CONFIRMED, REFUSED }

    private final ResidenceRecordAggregate record;
    private final Map<String, Link> links = new HashMap<>();
    private boolean handedOver;
    /** Each status check asked for, and whether the officer has answered it. */
    private final Map<StatusCheckId, Boolean> statusChecksDone = new HashMap<>();
    /** The case that asked for each status check. */
    private final Map<StatusCheckId, String> statusCheckCases = new HashMap<>();

    CaseCooperation(ResidenceRecordAggregate record) {
        this.record = record;
    }

    boolean confirmed(String caseId) {
        return links.get(caseId) == Link.CONFIRMED;
    }

    /** A request lands once, however often it is delivered; a refused link may be asked again. */
    @CommandHandler
    void handle(RequestCaseLinkCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        record.requireOpenRecordOf(tenant);
        Link link = links.get(command.caseId());
        if (link == Link.REQUESTED || link == Link.CONFIRMED) {
            return;
        }
        apply(new CaseLinkRequestedEvent(record.id(), tenant, command.caseId(), command.requestedOn()));
        if (handedOver) {
            apply(new CaseLinkAnsweredEvent(record.id(), tenant, command.caseId(), true, true, LocalDate.now(clock)));
        }
    }

    @CommandHandler
    void handle(AnswerCaseLinkCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        record.requireOpenRecordOf(tenant);
        Link link = links.get(command.caseId());
        if (link == null) {
            throw new NotFoundException("residence.case-link.not-found");
        }
        if (link != Link.REQUESTED) {
            throw new ConflictException("residence.case-link.already-answered");
        }
        apply(new CaseLinkAnsweredEvent(record.id(), tenant, command.caseId(), command.confirmed(), false,
                LocalDate.now(clock)));
    }

    /** Case management's request lands once, however often it is delivered, and only over a confirmed link. */
    @CommandHandler
    void handle(RecordStatusCheckRequestCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        record.requireOpenRecordOf(tenant);
        if (statusChecksDone.containsKey(command.statusCheckId())) {
            return;
        }
        if (!confirmed(command.caseId())) {
            throw new RuleViolationException("status-check-needs-a-confirmed-link", "residence.case-link.not-confirmed");
        }
        apply(new StatusCheckRequestedEvent(record.id(), tenant, command.statusCheckId(), command.caseId(),
                command.requestedOn()));
    }

    @CommandHandler
    void handle(CompleteStatusCheckCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock,
                PersonalDataVault vault) {
        record.requireNotErased(tenant);
        Boolean done = statusChecksDone.get(command.statusCheckId());
        if (done == null) {
            throw new NotFoundException("residence.status-check.not-found");
        }
        if (done) {
            throw new ConflictException("residence.status-check.already-completed");
        }
        if (command.pathway() != null && command.prospect() == null) {
            throw new InvalidInputException("prospect", "residence.status-check.prospect-for-pathway");
        }
        StatusCheckAnswered.Answer answer = record.answerTo(command);
        apply(new StatusCheckCompletedEvent(record.id(), tenant, command.statusCheckId(), LocalDate.now(clock),
                statusCheckCases.get(command.statusCheckId()), vault.seal(tenant, record.id().value(), answer)));
    }

    @EventSourcingHandler
    void on(HandedOverToCaseManagementEvent event) {
        handedOver = true;
    }

    @EventSourcingHandler
    void on(CaseLinkRequestedEvent event) {
        links.put(event.caseId(), Link.REQUESTED);
    }

    @EventSourcingHandler
    void on(CaseLinkAnsweredEvent event) {
        links.put(event.caseId(), event.confirmed() ? Link.CONFIRMED : Link.REFUSED);
    }

    @EventSourcingHandler
    void on(StatusCheckRequestedEvent event) {
        statusChecksDone.put(event.statusCheckId(), false);
        statusCheckCases.put(event.statusCheckId(), event.caseId());
    }

    @EventSourcingHandler
    void on(StatusCheckCompletedEvent event) {
        statusChecksDone.put(event.statusCheckId(), true);
    }
}
