package de.kim.platform.security;

import de.kim.platform.domain.Actor;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The last check before a command handler runs, failing closed: a command of a person needs at
 * least one role (the aggregate then decides what the roles allow), a command of one of the
 * platform's own principals needs a grant for exactly that command type ({@link ServiceGrants}),
 * and a command that names neither is refused. A refusal reads like a missing record, as every
 * other refusal of access does.
 */
public class CommandAuthority implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ServiceGrants grants;

    public CommandAuthority(ServiceGrants grants) {
        this.grants = grants;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Actor actor = Actor.fromMetaData(command.getMetaData()).orElseThrow(() -> new NotFoundException("kim.not-found"));
        boolean allowed = actor.service()
                .map(service -> grants.allows(service, command.getPayloadType()))
                .orElse(!actor.roles().isEmpty());
        if (!allowed) {
            throw new NotFoundException("kim.not-found");
        }
        return chain.proceed();
    }
}
