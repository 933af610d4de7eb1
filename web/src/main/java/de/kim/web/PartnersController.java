package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Administration and the lead: the partner network (a reference list). */
@Controller
public class PartnersController {

    private final Api api;

    public PartnersController(Api api) {
        this.api = api;
    }

    @GetMapping("/partner")
    public String partners(Model model) {
        model.addAttribute("partners", api.list("/api/partners"));
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
}
