package de.kim.cases.command;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.OpenCaseCommand;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's case in case management. It validates each command against the rules of case
 * management and records what happened as events; its state is only what those rules need.
 */
@Aggregate
public class CaseAggregate {

    @AggregateIdentifier
    private CaseId id;
    private String tenant;

    protected CaseAggregate() {
        // for Axon
    }

    @CommandHandler
    public CaseAggregate(OpenCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant,
                         TenantDirectory tenants, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ClientProfile client = command.client();
        if (client.dateOfBirth().isAfter(today)) {
            throw new InvalidInputException("client.dateOfBirth", "case.client.date-of-birth-in-future");
        }
        if (!tenants.servesTown(new TenantId(tenant), client.town())) {
            throw new InvalidInputException("client.town", "case.client.town-unknown", client.town());
        }
        apply(new CaseOpenedEvent(command.caseId(), tenant, client, command.targetGroup(), command.accessRoute(),
                command.assignee(), today));
    }

    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        this.id = event.caseId();
        this.tenant = event.tenant();
    }
}
