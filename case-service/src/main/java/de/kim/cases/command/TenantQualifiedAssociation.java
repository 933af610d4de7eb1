package de.kim.cases.command;

import de.kim.platform.domain.Actor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;

import java.lang.reflect.RecordComponent;

/**
 * Associates a saga by a property of the event's payload qualified with the event's tenant
 * ({@code tenant:value}): ids that come from another service (a residence record, a hand-over)
 * are unique only within one Kommune, and an event of one tenant must never reach another's
 * saga. A typed id ({@code record XId(String value)}) counts by its value.
 */
public class TenantQualifiedAssociation implements AssociationResolver {

    /** The association value of {@code id} in {@code tenant}. */
    public static String key(String tenant, Object id) {
        return tenant + ":" + id;
    }

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        Class<?> payload = handler.payloadType();
        if (!payload.isRecord() || component(payload, associationPropertyName) == null) {
            throw new IllegalStateException(payload.getName() + " has no record component " + associationPropertyName);
        }
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message,
                              MessageHandlingMember<T> handler) {
        Object tenant = message.getMetaData().get(Actor.TENANT);
        Object value = read(message.getPayload(), associationPropertyName);
        if (tenant == null || value == null) {
            throw new IllegalStateException(message.getPayloadType().getSimpleName() + " names no tenant or no "
                    + associationPropertyName);
        }
        if (value instanceof Record typedId && typedId.getClass().getRecordComponents().length == 1) {
            value = read(typedId, typedId.getClass().getRecordComponents()[0].getName());
        }
        return key(tenant.toString(), value);
    }

    private static Object read(Object record, String name) {
        RecordComponent component = component(record.getClass(), name);
        if (component == null) {
            return null;
        }
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }
}
