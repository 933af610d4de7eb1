package de.kim.platform.security;

import de.kim.platform.domain.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets a command handler take the acting {@link Actor} as a parameter, read from the
 * command's metadata, so an aggregate can decide who may change it.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return Actor.fromMetaData(message.getMetaData()).orElseThrow(() -> new IllegalStateException(
                        "message " + message.getPayloadType().getSimpleName() + " names no actor"));
            }

            @Override
            public boolean matches(Message<?> message) {
                return message.getMetaData().containsKey(Actor.TENANT) && message.getMetaData().containsKey(Actor.USER);
            }
        };
    }
}
