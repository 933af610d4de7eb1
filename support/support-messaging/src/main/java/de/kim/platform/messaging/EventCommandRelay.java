package de.kim.platform.messaging;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.KimException;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Optional;

/**
 * Sends the command an integration event from another service calls for, as one of this
 * service's principals (granted only the commands its relay needs, see
 * {@link de.kim.platform.security.ServiceGrants}), in that event's tenant and on behalf of the
 * event's actor. A refusal by the domain (an unknown aggregate, a rule) is final and
 * answered, so the consumer can move on; anything else (a store that is down) is thrown, so
 * the consumer retries and no event is lost.
 */
public class EventCommandRelay {

    private final CommandGateway commands;

    public EventCommandRelay(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command as the principal {@code service}; answers the domain's refusal, if it refused. */
    public Optional<RuntimeException> send(String service, Object command, String tenant, String actor) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                    Actor.servicePrincipal(new TenantId(tenant), actor, service).asMetaData()));
            return Optional.empty();
        } catch (KimException | AggregateNotFoundException refused) {
            return Optional.of(refused);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof KimException || e.getCause() instanceof AggregateNotFoundException) {
                return Optional.of((RuntimeException) e.getCause());
            }
            throw e;
        }
    }

    public Optional<RuntimeException> send(String service, Object command, ReceivedEvent cause) {
        return send(service, command, cause.envelope().tenant(), cause.envelope().actor());
    }
}
