package de.kim.partners.command;

import de.kim.partners.api.PartnerId;
import de.kim.platform.domain.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Partner ids are unique within a tenant, not across tenants: the partner aggregate's
 * identifier is the tenant and the partner id together ({@link #key}), and every command
 * reaches the partner of the tenant it is sent in. A tenant can choose any free id of its own
 * (with {@code PUT /api/partners/{id}}) whatever other tenants use, and learns nothing about
 * their ids by trying; the API, the events and the other services keep seeing the partner id
 * alone, always next to its tenant.
 */
@Component(PartnerCommandTargets.BEAN)
public class PartnerCommandTargets implements CommandTargetResolver {

    public static final String BEAN = "partnerCommandTargets";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    /** The partner aggregate's identifier: tenant and partner id (neither may contain a colon). */
    public static String key(String tenant, PartnerId partner) {
        return tenant + ":" + partner.value();
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        Object tenant = command.getMetaData().get(Actor.TENANT);
        if (!(tenant instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a partner command needs its tenant: " + command.getCommandName());
        }
        return new VersionedAggregateIdentifier(key(name, new PartnerId(target.getIdentifier())), target.getVersion());
    }
}
