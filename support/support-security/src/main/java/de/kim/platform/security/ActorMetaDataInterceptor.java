package de.kim.platform.security;

import de.kim.platform.web.RequestActorResolver;
import de.kim.platform.domain.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Makes sure every command carries its tenant and acting user: taken from the HTTP request
 * when the sender did not set them, refused when there is neither.
 */
public class ActorMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final RequestActorResolver resolver;

    public ActorMetaDataInterceptor(RequestActorResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(Actor.TENANT) && command.getMetaData().containsKey(Actor.USER)) {
                return command;
            }
            Actor actor = resolver.current().orElseThrow(() -> new IllegalStateException(
                    "command " + command.getCommandName() + " sent without tenant and actor"));
            return command.andMetaData(actor.asMetaData());
        };
    }
}
