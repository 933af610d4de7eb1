package de.kim.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page leads each role to its work. */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home(@AuthenticationPrincipal OidcUser user) {
        SignedIn.Person me = SignedIn.of(user);
        if (me.worksCases()) {
            return "redirect:/arbeitskorb";
        }
        if (me.has("PARTNER_STAFF")) {
            return "redirect:/eingang";
        }
        if (me.has("IMMIGRATION_OFFICER")) {
            return "redirect:/aufenthalt";
        }
        if (me.has("STEERING_MEMBER")) {
            return "redirect:/steuerung";
        }
        if (me.has("ADMINISTRATOR")) {
            return "redirect:/partner";
        }
        return "no-role";
    }

    @GetMapping("/abgemeldet")
    public String signedOut() {
        return "signed-out";
    }
}
