package de.kim.platform.messaging;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.KimException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Optional;

/**
 * Sends the command an integration event from another service calls for, on behalf of that
 * event's tenant and actor. A refusal by the domain (an unknown aggregate, a rule) is final and
 * answered, so the consumer can move on; anything else (a store that is down) is thrown, so
 * the consumer retries and no event is lost.
 */
public class EventCommandRelay {

    private final CommandGateway commands;

    public EventCommandRelay(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command; answers the domain's refusal, if it refused. */
    public Optional<RuntimeException> send(Object command, String tenant, String actor) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                    MetaData.with(Actor.TENANT, tenant).and(Actor.USER, actor)));
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

    public Optional<RuntimeException> send(Object command, ReceivedEvent cause) {
        return send(command, cause.envelope().tenant(), cause.envelope().actor());
    }
}
