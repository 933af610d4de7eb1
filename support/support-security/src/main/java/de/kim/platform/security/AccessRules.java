package de.kim.platform.security;

import de.kim.platform.domain.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which roles may call which paths of a service. Each service declares its rules as a bean;
 * a path no rule names is refused to everyone. Finer checks (the own partner, assigned cases,
 * the tenant) are made where the data is.
 */
public final class AccessRules {

    private final List<Rule> rules = new ArrayList<>();

    public static AccessRules builder() {
        return new AccessRules();
    }

    /** Every method on the paths (Ant patterns) for the roles. */
    public AccessRules allow(String path, Role... roles) {
        rules.add(new Rule(null, path, roles));
        return this;
    }

    /** One method on the paths for the roles. */
    public AccessRules allow(HttpMethod method, String path, Role... roles) {
        rules.add(new Rule(method, path, roles));
        return this;
    }

    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : rules) {
            String[] authorities = Arrays.stream(rule.roles()).map(Role::name).toArray(String[]::new);
            (rule.method() == null ? registry.requestMatchers(rule.path()) : registry.requestMatchers(rule.method(), rule.path()))
                    .hasAnyAuthority(authorities);
        }
    }

    private record Rule(HttpMethod method, String path, Role[] roles) {
    }
}
