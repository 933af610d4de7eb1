package de.kim.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Collection;
import java.util.List;

/** Who is signed in, for every page: name, tenant, roles (the menu shows what the roles may do). */
@ControllerAdvice
public class SignedIn {

    /** The signed-in person as the pages see them. */
    public record Person(String username, String name, String tenant, List<String> roles, String partnerId) {
        public boolean has(String role) {
            return roles.contains(role);
        }

        public boolean worksCases() {
            return has("CASE_MANAGER") || has("CASE_MANAGEMENT_LEAD");
        }
    }

    @ModelAttribute("me")
    public Person me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : of(user);
    }

    public static Person of(OidcUser user) {
        Object roles = user.getClaims().get("roles");
        List<String> names = roles instanceof Collection<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new Person(user.getPreferredUsername(), user.getFullName(), user.getClaimAsString("tenant"), names,
                user.getClaimAsString("partner_id"));
    }
}
