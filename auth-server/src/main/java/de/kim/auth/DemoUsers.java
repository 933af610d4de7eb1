package de.kim.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo users of the embedded sign-in: one per role in Kreis Mettmann and in the second
 * demo tenant, all invented, with one shared password. They exist only when
 * {@code kim.auth.demo-users} is true (the local demo start sets it); otherwise this server
 * knows nobody. Production signs in through Keycloak, where an administrator manages the real
 * users with the same attributes (tenant, roles, partner).
 */
@ConfigurationProperties("kim.auth")
public record DemoUsers(boolean demoUsers, String password, List<User> users) {

    public DemoUsers {
        users = demoUsers && users != null ? List.copyOf(users) : List.of();
    }

    /** A person who signs in: their tenant, their roles, for partner staff their partner. */
    public record User(String username, String name, String tenant, List<String> roles, String partnerId) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(byName().get(username));
    }

    private Map<String, User> byName() {
        return users.stream().collect(Collectors.toMap(User::username, Function.identity()));
    }
}
