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
 * Partner staff: the referral inbox of their partner (newest first, a page at a time, {@code seite}
 * from 1), the answers, their offers, capacity and withdrawal.
 */
@Controller
public class InboxController {

    static final int PAGE_SIZE = 50;

    private final Api api;

    public InboxController(Api api) {
        this.api = api;
    }

    @GetMapping("/eingang")
    public String inbox(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String seite,
                        Model model) {
        String partner = SignedIn.of(user).partnerId();
        int page = RecordList.page(seite);
        // The partner's own offers, every one: their titles name the referrals, and each can be changed here.
        List<?> offers = api.all("/api/offers?partner=" + partner);
        Api.Answer referrals = api.get("/api/partners/{partner}/referrals?page={page}&size={size}",
                Map.of("partner", partner, "page", page - 1, "size", PAGE_SIZE));
        if (!referrals.ok()) {
            model.addAttribute("error", referrals.problem());
        }
        model.addAttribute("referrals", CaseListController.Paged.of(api.map(referrals), page));
        model.addAttribute("offers", offers);
        model.addAttribute("offerTitles", Api.fieldById(offers, "title"));
        model.addAttribute("partnerId", partner);
        return "inbox";
    }

    @PostMapping("/eingang/{id}/annahme")
    public String accept(@PathVariable String id, @RequestParam(defaultValue = "false") boolean overrideCapacity,
                         RedirectAttributes redirect) {
        return after(api.send(HttpMethod.POST, "/api/referrals/" + id + "/accept",
                Map.of("overrideCapacity", overrideCapacity)), redirect);
    }

    @PostMapping("/eingang/{id}/ablehnung")
    public String decline(@PathVariable String id, @RequestParam String reason,
                          @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("comment", CasesController.blankToNull(comment));
        return after(api.send(HttpMethod.POST, "/api/referrals/" + id + "/decline", body), redirect);
    }

    @PostMapping("/eingang/{id}/abschluss")
    public String complete(@PathVariable String id, @RequestParam String result,
                           @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("comment", CasesController.blankToNull(comment));
        return after(api.send(HttpMethod.POST, "/api/referrals/" + id + "/complete", body), redirect);
    }

    @PostMapping("/angebote")
    public String publish(@AuthenticationPrincipal OidcUser user, @RequestParam String title,
                          @RequestParam String fieldOfAction, @RequestParam String town, @RequestParam int capacity,
                          RedirectAttributes redirect) {
        return after(api.send(HttpMethod.POST, "/api/partners/" + SignedIn.of(user).partnerId() + "/offers",
                Map.of("title", title, "fieldOfAction", fieldOfAction, "town", town, "capacity", capacity)), redirect);
    }

    @PostMapping("/angebote/{offerId}/kapazitaet")
    public String capacity(@AuthenticationPrincipal OidcUser user, @PathVariable String offerId,
                           @RequestParam int capacity, RedirectAttributes redirect) {
        return after(api.send(HttpMethod.PUT, "/api/partners/" + SignedIn.of(user).partnerId() + "/offers/" + offerId
                + "/capacity", Map.of("capacity", capacity)), redirect);
    }

    @PostMapping("/angebote/{offerId}/rueckzug")
    public String withdraw(@AuthenticationPrincipal OidcUser user, @PathVariable String offerId,
                           RedirectAttributes redirect) {
        return after(OfferWithdrawal.send(api, SignedIn.of(user).partnerId(), offerId), redirect);
    }

    private static String after(Api.Answer answer, RedirectAttributes redirect) {
        answer.flash(redirect);
        return "redirect:/eingang";
    }
}
