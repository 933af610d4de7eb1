package de.kim.platform.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each of a service's own principals may do: a Kafka consumer that relays another
 * service's events as commands, a scheduled job, a saga. Each principal is granted the command
 * types its work needs and nothing else, so a relayed event can never reach a command a person
 * would need a role for. A service declares its grants as a bean; all of them are checked by
 * {@link CommandAuthority} before any command handler runs.
 */
public final class ServiceGrants {

    private final Map<String, Set<Class<?>>> grants = new HashMap<>();

    public static ServiceGrants builder() {
        return new ServiceGrants();
    }

    /** The principal {@code service} may send these command types. */
    public ServiceGrants grant(String service, Class<?>... commands) {
        Set<Class<?>> granted = new HashSet<>(grants.getOrDefault(service, Set.of()));
        granted.addAll(List.of(commands));
        grants.put(service, Set.copyOf(granted));
        return this;
    }

    public boolean allows(String service, Class<?> command) {
        return grants.getOrDefault(service, Set.of()).contains(command);
    }

    /** These grants and the other's together. */
    public ServiceGrants merge(ServiceGrants other) {
        other.grants.forEach((service, commands) -> grant(service, commands.toArray(Class<?>[]::new)));
        return this;
    }
}
