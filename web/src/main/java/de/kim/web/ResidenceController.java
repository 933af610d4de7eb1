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
import java.util.Map;

/** The immigration office: expiring permits, the work list, a record's screening, hand-over to case management. */
@Controller
public class ResidenceController {

    private final Api api;

    public ResidenceController(Api api) {
        this.api = api;
    }

    @GetMapping("/aufenthalt")
    public String records(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("expiring", api.list("/api/residence-records?expiringWithinDays=180"));
        model.addAttribute("workList", api.read("/api/residence-records/work-list?officer="
                + SignedIn.of(user).username() + "&withinDays=180"));
        return "residence";
    }

    @PostMapping("/aufenthalt")
    public String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateOfBirth", form.get("dateOfBirth"));
        body.put("nationality", form.get("nationality"));
        body.put("entryDate", form.get("entryDate"));
        body.put("minorChildInHousehold", "on".equals(form.get("minorChildInHousehold")));
        Api.Answer answer = api.send(HttpMethod.POST, "/api/residence-records", body);
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", answer.problem());
            return "redirect:/aufenthalt";
        }
        return "redirect:/aufenthalt/" + answer.id();
    }

    @GetMapping("/aufenthalt/{id}")
    public String record(@PathVariable String id, Model model) {
        Api.Answer record = api.get("/api/residence-records/" + id);
        if (!record.ok()) {
            model.addAttribute("error", record.problem());
            return "not-found";
        }
        model.addAttribute("record", api.read("/api/residence-records/" + id));
        model.addAttribute("screening", api.read("/api/residence-records/" + id + "/pathways"));
        return "residence-record";
    }

    @PostMapping("/aufenthalt/{id}/status")
    public String status(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", form.get("type"));
        body.put("section", CasesController.blankToNull(form.get("section")));
        body.put("validFrom", form.get("validFrom"));
        body.put("validUntil", CasesController.blankToNull(form.get("validUntil")));
        return after(api.send(HttpMethod.POST, "/api/residence-records/" + id + "/statuses", body), id, redirect);
    }

    @PostMapping("/aufenthalt/{id}/uebergabe")
    public String handOver(@PathVariable String id, @RequestParam String fieldOfAction, @RequestParam String reasonCode,
                           @RequestParam(required = false) String pathway, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fieldOfAction", fieldOfAction);
        body.put("reasonCode", reasonCode);
        body.put("pathway", CasesController.blankToNull(pathway));
        return after(api.send(HttpMethod.POST, "/api/residence-records/" + id + "/handover", body), id, redirect);
    }

    private static String after(Api.Answer answer, String id, RedirectAttributes redirect) {
        answer.flash(redirect);
        return "redirect:/aufenthalt/" + id;
    }
}
