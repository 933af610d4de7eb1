package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case management: my cases and due follow-ups, opening a case, the case file with its needs,
 * consents, referrals (with the offer search), measures, legal domains, history; hand-over
 * and closure. Each form posts here, is sent to case-service, and the page shows the answer.
 */
@Controller
public class CasesController {

    private final Api api;

    public CasesController(Api api) {
        this.api = api;
    }

    @GetMapping("/faelle")
    public String cases(Model model) {
        model.addAttribute("cases", api.list("/api/cases?status=OPEN"));
        model.addAttribute("followUps", api.list("/api/follow-ups"));
        return "cases";
    }

    @GetMapping("/faelle/neu")
    public String newCase() {
        return "case-new";
    }

    @PostMapping("/faelle")
    public String open(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("givenName", form.get("givenName"));
        client.put("familyName", form.get("familyName"));
        client.put("dateOfBirth", blankToNull(form.get("dateOfBirth")));
        client.put("nationality", form.get("nationality"));
        client.put("languages", list(form.get("languages")));
        client.put("town", form.get("town"));
        Api.Answer answer = api.send(HttpMethod.POST, "/api/cases", Map.of("client", client,
                "targetGroup", form.getOrDefault("targetGroup", ""), "accessRoute", form.getOrDefault("accessRoute", ""),
                "assignee", form.getOrDefault("assignee", "")));
        if (!answer.ok()) {
            model.addAttribute("error", answer.problem());
            model.addAttribute("form", form);
            return "case-new";
        }
        api.awaitChange("/api/cases/" + answer.id(), -1);
        redirect.addFlashAttribute("notice", "opened");
        return "redirect:/faelle/" + answer.id();
    }

    @GetMapping("/faelle/{id}")
    public String file(@PathVariable String id, @RequestParam(required = false) String bedarf, Model model) {
        Api.Answer file = api.get("/api/cases/" + id);
        if (!file.ok()) {
            model.addAttribute("error", file.problem());
            return "not-found";
        }
        Map<?, ?> caseFile = api.read("/api/cases/" + id);
        model.addAttribute("file", caseFile);
        model.addAttribute("history", api.list("/api/cases/" + id + "/history"));
        model.addAttribute("partners", api.list("/api/partners"));
        if (bedarf != null && caseFile.get("needs") != null) {
            Map<?, ?> map = caseFile;
            for (Object need : (List<?>) map.get("needs")) {
                if (need instanceof Map<?, ?> n && bedarf.equals(n.get("id"))) {
                    Object town = map.get("client") instanceof Map<?, ?> client ? client.get("town") : "";
                    model.addAttribute("searchedNeed", n);
                    model.addAttribute("offers", api.list("/api/offers?available=true&field=" + n.get("fieldOfAction")
                            + "&town=" + town));
                }
            }
        }
        return "case-file";
    }

    @PostMapping("/faelle/{id}/einwilligungen")
    public String consent(@PathVariable String id, @RequestParam String recipient, @RequestParam List<String> purposes,
                          @RequestParam List<String> dataCategories, @RequestParam String validUntil,
                          @RequestParam(required = false) String evidenceReference, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient);
        body.put("purposes", purposes);
        body.put("dataCategories", dataCategories);
        body.put("form", "WRITTEN");
        body.put("givenOn", LocalDate.now().toString());
        body.put("validUntil", validUntil);
        body.put("evidenceReference", blankToNull(evidenceReference));
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/consents", body), redirect);
    }

    @PostMapping("/faelle/{id}/einwilligungen/{consentId}/widerruf")
    public String revoke(@PathVariable String id, @PathVariable String consentId, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.DELETE, "/api/cases/" + id + "/consents/" + consentId, null), redirect);
    }

    @PostMapping("/faelle/{id}/bedarfe")
    public String need(@PathVariable String id, @RequestParam String fieldOfAction, @RequestParam String priority,
                       @RequestParam(required = false) String description, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fieldOfAction", fieldOfAction);
        body.put("priority", priority);
        body.put("description", blankToNull(description));
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/needs", body), redirect);
    }

    /** Agrees the integration plan: the goals kept, plus a new one if the form names it. */
    @PostMapping("/faelle/{id}/plan")
    public String plan(@PathVariable String id, @RequestParam String fieldOfAction, @RequestParam String description,
                       @RequestParam String targetDate, RedirectAttributes redirect) {
        List<Map<String, Object>> goals = new java.util.ArrayList<>();
        if (api.read("/api/cases/" + id).get("plan") instanceof Map<?, ?> plan) {
            for (Object goal : (List<?>) plan.get("goals")) {
                if (goal instanceof Map<?, ?> g && "OPEN".equals(g.get("status"))) {
                    goals.add(Map.of("id", g.get("id"), "fieldOfAction", g.get("fieldOfAction"),
                            "description", g.get("description"), "targetDate", g.get("targetDate")));
                }
            }
        }
        goals.add(Map.of("fieldOfAction", fieldOfAction, "description", description, "targetDate", targetDate));
        return change(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/plan",
                Map.of("agreedOn", LocalDate.now().toString(), "goals", goals)), redirect);
    }

    @PostMapping("/faelle/{id}/verweisungen")
    public String refer(@PathVariable String id, @RequestParam String needId, @RequestParam String partnerId,
                        @RequestParam String offerId, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/referrals",
                Map.of("needId", needId, "partnerId", partnerId, "offerId", offerId)), redirect);
    }

    @PostMapping("/faelle/{id}/massnahmen")
    public String measure(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.get("kind"));
        body.put("needId", form.get("needId"));
        body.put("fundedBy", form.get("fundedBy"));
        body.put("from", form.get("from"));
        body.put("to", form.get("to"));
        body.put("provider", blankToNull(form.get("provider")));
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/measures", body), redirect);
    }

    @PostMapping("/faelle/{id}/rechtskreise")
    public String legalDomains(@PathVariable String id, @RequestParam(required = false) List<String> legalDomains,
                               RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/legal-domains",
                Map.of("legalDomains", legalDomains == null ? List.of() : legalDomains,
                        "since", LocalDate.now().toString())), redirect);
    }

    @PostMapping("/faelle/{id}/uebergabe")
    public String handOver(@PathVariable String id, @RequestParam String toCaseManager,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toCaseManager", toCaseManager);
        body.put("note", blankToNull(note));
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/handover", body), redirect);
    }

    @PostMapping("/faelle/{id}/wiedervorlagen")
    public String followUp(@PathVariable String id, @RequestParam String dueOn, @RequestParam String subject,
                           RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/follow-ups",
                Map.of("dueOn", dueOn, "subject", subject)), redirect);
    }

    @PostMapping("/faelle/{id}/themen")
    public String theme(@PathVariable String id, @RequestParam String freeText, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/themes", Map.of("freeText", freeText)),
                redirect);
    }

    @PostMapping("/faelle/{id}/wiedereroeffnung")
    public String reopen(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/reopening", Map.of("reason", reason)),
                redirect);
    }

    /** Data protection (the lead): legal hold, and erasure on a lawful request. */
    @PostMapping("/faelle/{id}/sperre")
    public String legalHold(@PathVariable String id, @RequestParam boolean active, @RequestParam String reason,
                            RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/legal-hold",
                Map.of("active", active, "reason", reason)), redirect);
    }

    @PostMapping("/faelle/{id}/loeschung")
    public String erase(@PathVariable String id, @RequestParam String reference, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/erasure",
                Map.of("ground", "LAWFUL_REQUEST", "reference", reference)), redirect);
    }

    /** The client's self-disclosure (Art. 15 GDPR) as the file case-service makes. */
    @GetMapping("/faelle/{id}/selbstauskunft")
    public org.springframework.http.ResponseEntity<byte[]> selfDisclosure(@PathVariable String id) {
        org.springframework.http.ResponseEntity<byte[]> file = api.download("/api/cases/" + id + "/self-disclosure");
        return org.springframework.http.ResponseEntity.status(file.getStatusCode())
                .header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"selbstauskunft-" + id + ".json\"")
                .body(file.getBody());
    }

    @PostMapping("/faelle/{id}/abschluss")
    public String close(@PathVariable String id, @RequestParam String outcome, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/closure", Map.of("outcome", outcome)), redirect);
    }

    /**
     * Sends a change of the case and shows the case file once it holds the change: the file is a
     * read model that follows the command within moments, so the page waits for its new version.
     */
    private String change(String id, java.util.function.Supplier<Api.Answer> command, RedirectAttributes redirect) {
        long before = api.version("/api/cases/" + id);
        Api.Answer answer = command.get();
        if (answer.ok()) {
            api.awaitChange("/api/cases/" + id, before);
        }
        return after(answer, id, redirect);
    }

    private static String after(Api.Answer answer, String id, RedirectAttributes redirect) {
        answer.flash(redirect);
        if (answer.ok() && answer.body().path("doubleFundingWith").size() > 0) {
            redirect.addFlashAttribute("warning", "double-funding");
        }
        return "redirect:/faelle/" + id;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : List.of(commaSeparated.trim().split("\\s*,\\s*"));
    }
}
