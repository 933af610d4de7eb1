package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration and the lead: the partner network (a reference list), registering and
 * deactivating partners; the administration also withdraws offers.
 */
@Controller
public class PartnersController {

    private final Api api;

    public PartnersController(Api api) {
        this.api = api;
    }

    @GetMapping("/partner")
    public String partners(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("partners", api.list("/api/partners"));
        // Only the administration may withdraw a partner's offer: only it is shown the offers here.
        model.addAttribute("offers", SignedIn.of(user).has("ADMINISTRATOR") ? api.list("/api/offers") : List.of());
        return "partners";
    }

    @PostMapping("/partner")
    public String register(@RequestParam String name, @RequestParam String kind, @RequestParam List<String> legalDomains,
                           @RequestParam List<String> fieldsOfAction, @RequestParam String towns,
                           @RequestParam(required = false) String id, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("legalDomains", legalDomains);
        body.put("fieldsOfAction", fieldsOfAction);
        body.put("towns", List.of(towns.trim().split("\\s*,\\s*")));
        String chosenId = CasesController.blankToNull(id);
        Api.Answer answer = chosenId == null ? api.send(HttpMethod.POST, "/api/partners", body)
                : api.send(HttpMethod.PUT, "/api/partners/" + chosenId, body);
        answer.flash(redirect);
        return "redirect:/partner";
    }

    /** Deactivates a partner (with the reason, on record); the list shows it once its read model has it. */
    @PostMapping("/partner/{id}/deaktivierung")
    public String deactivate(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, "/api/partners/" + id + "/deactivation", Map.of("reason", reason));
        if (answer.ok()) {
            api.awaitUntil("/api/partners/" + id, partner -> !partner.path("active").asBoolean(true));
        }
        answer.flash(redirect);
        return "redirect:/partner";
    }

    @PostMapping("/partner/{partnerId}/angebote/{offerId}/rueckzug")
    public String withdrawOffer(@PathVariable String partnerId, @PathVariable String offerId, RedirectAttributes redirect) {
        OfferWithdrawal.send(api, partnerId, offerId).flash(redirect);
        return "redirect:/partner";
    }
}
