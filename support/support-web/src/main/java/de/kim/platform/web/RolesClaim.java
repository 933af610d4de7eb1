package de.kim.platform.web;

import de.kim.platform.domain.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of a token's {@code roles} claim, for the URL rules and the acting user alike.
 * Only a JSON array of strings is a roles claim; each string that names a {@link Role} grants
 * it, any other name grants nothing. A string (even one listing roles separated by spaces), a
 * number, an object, an array holding anything but strings, or no claim at all grants no role:
 * a token that cannot be read fails closed.
 */
public final class RolesClaim {

    public static final String NAME = "roles";

    private RolesClaim() {
    }

    public static Set<Role> parse(Object claim) {
        if (!(claim instanceof Collection<?> names)) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (!(name instanceof String text)) {
                return Set.of();
            }
            Role.of(text).ifPresent(roles::add);
        }
        return Set.copyOf(roles);
    }

    /** The roles of a token's claims, as {@link #parse} reads them. */
    public static Set<Role> of(java.util.Map<String, Object> claims) {
        return parse(Optional.ofNullable(claims).map(c -> c.get(NAME)).orElse(null));
    }
}
