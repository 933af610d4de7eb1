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
 * Administration and the lead: the partner network (a reference list, by name, a page at a time,
 * optionally of one field of action ({@code feld}) or town ({@code ort})),
 * registering and deactivating partners; the administration also withdraws offers (listed a page at
 * a time below the partners).
 */
@Controller
public class PartnersController {

    /** Partners and offers shown a page at a time ({@code seite}, {@code angebotsseite}, from 1). */
    static final int PAGE_SIZE = 50;

    private final Api api;

    public PartnersController(Api api) {
        this.api = api;
    }

    @GetMapping("/partner")
    public String partners(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String feld,
                           @RequestParam(required = false) String ort, @RequestParam(required = false) String seite,
                           @RequestParam(required = false) String angebotsseite, Model model) {
        int page = RecordList.page(seite);
        String field = feld != null && Vocabulary.CODES.get("field").contains(feld) ? feld : "";
        String town = ort == null ? "" : ort.trim();
        StringBuilder template = new StringBuilder("/api/partners?page={page}&size={size}");
        if (!field.isEmpty()) {
            template.append("&field={field}");
        }
        if (!town.isEmpty()) {
            template.append("&town={town}");
        }
        Api.Answer partners = api.get(template.toString(), Map.of("page", page - 1, "size", PAGE_SIZE,
                "field", field, "town", town));
        if (!partners.ok()) {
            model.addAttribute("error", partners.problem());
        }
        model.addAttribute("partners", CaseListController.Paged.of(api.map(partners), page));
        // Only the administration may withdraw a partner's offer: only it is shown the offers here.
        int offersPage = RecordList.page(angebotsseite);
        Map<?, ?> offers = SignedIn.of(user).has("ADMINISTRATOR")
                ? api.map(api.get("/api/offers?page={page}&size={size}", Map.of("page", offersPage - 1, "size", PAGE_SIZE)))
                : Map.of();
        model.addAttribute("offers", CaseListController.Paged.of(offers, offersPage));
        model.addAttribute("pages", Map.of("seite", page, "angebotsseite", offersPage));
        model.addAttribute("filter", Map.of("feld", field, "ort", town));
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
