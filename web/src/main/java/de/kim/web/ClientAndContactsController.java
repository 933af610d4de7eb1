package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.kim.web.CasesController.blankToNull;

/**
 * Correcting the client's data (Berichtigung, Art. 16 GDPR), with each refused field's problem as a
 * sentence next to the field, and recording a counselling contact in the contact log.
 */
@Controller
public class ClientAndContactsController {

    private static final List<String> CLIENT_FIELDS = List.of("givenName", "familyName", "dateOfBirth", "nationality",
            "languages", "town", "contact.phone", "contact.email", "contact.address");
    /** The contact log's fields the service may refuse, as the API names them. */
    static final List<String> CONTACT_FIELDS = List.of("contactOn", "kind", "durationMinutes", "interpreterLanguage",
            "participants", "note");

    private final Api api;
    private final CaseChanges changes;
    private final FieldProblems problems;

    public ClientAndContactsController(Api api, CaseChanges changes, FieldProblems problems) {
        this.api = api;
        this.changes = changes;
        this.problems = problems;
    }

    @PostMapping("/faelle/{id}/klientendaten")
    public String rectify(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phone", blankToNull(form.get("phone")));
        contact.put("email", blankToNull(form.get("email")));
        contact.put("address", blankToNull(form.get("address")));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("givenName", form.get("givenName"));
        client.put("familyName", form.get("familyName"));
        client.put("dateOfBirth", blankToNull(form.get("dateOfBirth")));
        client.put("nationality", form.getOrDefault("nationality", "").trim().toUpperCase(java.util.Locale.ROOT));
        String languages = form.getOrDefault("languages", "");
        client.put("languages", languages.isBlank() ? List.of() : List.of(languages.trim().toLowerCase(java.util.Locale.ROOT)
                .split("\\s*,\\s*")));
        client.put("town", form.get("town"));
        client.put("contact", contact);
        String file = "/api/cases/" + id;
        long before = api.version(file);
        Api.Answer answer = api.send(HttpMethod.PUT, file + "/client", client);
        if (answer.ok()) {
            api.awaitChange(file, before);
            redirect.addFlashAttribute("notice", "rectified");
        } else {
            redirect.addFlashAttribute("clientErrors", problems.of(answer.body(), CLIENT_FIELDS));
            redirect.addFlashAttribute("clientForm", form);
            redirect.addFlashAttribute("error", answer.body().path("detail").asText(""));
        }
        return "redirect:/faelle/" + id + "#klientendaten";
    }

    @PostMapping("/faelle/{id}/kontakte")
    public String contact(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactOn", blankToNull(form.get("contactOn")));
        body.put("kind", blankToNull(form.get("kind")));
        body.put("durationMinutes", blankToNull(form.get("durationMinutes")));
        body.put("interpreterLanguage", blankToNull(form.get("interpreterLanguage")));
        body.put("participants", blankToNull(form.get("participants")));
        body.put("note", blankToNull(form.get("note")));
        body.put("entrusted", "true".equals(form.get("entrusted")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/contacts", body), redirect,
                "add-contact", CONTACT_FIELDS);
    }
}
