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
 * Case management: opening a case (with the warning when the person has an open case already); the
 * case file with its offer search; hand-over, closure, reopening and data protection. The lists are
 * in {@link CaseListController}, the work on an open case in {@link CaseWorkController}.
 */
@Controller
public class CasesController {

    private final Api api;
    private final CaseChanges changes;
    private final Labels labels;
    private final org.springframework.context.MessageSource messages;
    private final FieldProblems problems;
    private final Colleagues colleagues;

    /** Entries of the case history on one page. */
    static final int HISTORY_PAGE_SIZE = 50;
    /** Offers found for a need, a page at a time ({@code angebotsseite}). */
    static final int OFFERS_PAGE_SIZE = 20;

    /** The fields of the opening form the service may refuse, as the API names them. */
    static final List<String> OPENING_FIELDS = List.of("givenName", "familyName", "dateOfBirth", "nationality",
            "languages", "town", "assignee");

    public CasesController(Api api, CaseChanges changes, Labels labels, org.springframework.context.MessageSource messages,
                           FieldProblems problems, Colleagues colleagues) {
        this.api = api;
        this.changes = changes;
        this.labels = labels;
        this.messages = messages;
        this.problems = problems;
        this.colleagues = colleagues;
    }

    /** A new case; {@code akte} names the residence record of a hand-over the case takes up. */
    @GetMapping("/faelle/neu")
    public String newCase(@RequestParam(required = false) String akte, Model model) {
        model.addAttribute("takesUp", akte);
        return caseNew(model);
    }

    /** The opening form, with the colleagues a case can be assigned to. */
    private String caseNew(Model model) {
        model.addAttribute("staff", colleagues.caseManagement());
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
                "assignee", form.getOrDefault("assignee", ""),
                "confirmDuplicate", "true".equals(form.get("confirmDuplicate"))));
        if (answer.status() == 409 && answer.body().has("duplicates")) {
            List<Map<String, String>> duplicates = new java.util.ArrayList<>();
            answer.body().path("duplicates").forEach(found -> duplicates.add(Map.of("id", found.path("id").asText(),
                    "caseNumber", found.path("caseNumber").asText(""))));
            model.addAttribute("duplicates", duplicates);
            model.addAttribute("duplicateElsewhere", answer.body().has("elsewhere"));
            model.addAttribute("form", form);
            model.addAttribute("takesUp", blankToNull(form.get("residenceRecordId")));
            return caseNew(model);
        }
        if (!answer.ok()) {
            Map<String, String> fieldErrors = problems.of(answer.body(), OPENING_FIELDS);
            // Refused fields are named next to them; above the form only the sentence that something is wrong.
            model.addAttribute("error", fieldErrors.isEmpty() ? answer.problem() : answer.body().path("detail").asText());
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("form", form);
            model.addAttribute("takesUp", blankToNull(form.get("residenceRecordId")));
            return caseNew(model);
        }
        api.awaitChange("/api/cases/" + answer.id(), -1);
        String record = blankToNull(form.get("residenceRecordId"));
        if (record != null) {
            return changes.apply(answer.id(), () -> api.send(HttpMethod.PUT, "/api/cases/" + answer.id()
                    + "/residence-record", Map.of("residenceRecordId", record)), redirect);
        }
        redirect.addFlashAttribute("notice", "opened");
        return "redirect:/faelle/" + answer.id();
    }

    @GetMapping("/faelle/{id}")
    public String file(@PathVariable String id, @RequestParam(required = false) String bedarf, Model model) {
        return part(id, CaseFileSections.OVERVIEW, bedarf, null, null, model);
    }

    /** One part of the case file; each reads only what it shows (the history a page at a time, {@code seite}). */
    @GetMapping("/faelle/{id}/{part:" + CaseFileSections.PATTERN + "}")
    public String part(@PathVariable String id, @PathVariable String part,
                       @RequestParam(required = false) String bedarf, @RequestParam(required = false) String seite,
                       @RequestParam(required = false) String angebotsseite, Model model) {
        Api.Answer file = api.get("/api/cases/" + id);
        if (!file.ok()) {
            model.addAttribute("error", file.problem());
            return "not-found";
        }
        Map<?, ?> caseFile = api.read("/api/cases/" + id);
        model.addAttribute("file", caseFile);
        model.addAttribute("section", part);
        model.addAttribute("sections", CaseFileSections.ALL);
        if (List.of(CaseFileSections.OVERVIEW, "wiedervorlagen").contains(part)) {
            model.addAttribute("staff", colleagues.caseManagement());
        }
        if ("verlauf".equals(part)) {
            int page = RecordList.page(seite);
            model.addAttribute("history", CaseListController.Paged.of(api.read("/api/cases/" + id + "/history?page="
                    + (page - 1) + "&size=" + HISTORY_PAGE_SIZE), page));
        }
        if (List.of("bedarfe", "verweisungen", "einwilligungen").contains(part)) {
            List<?> partners = api.all("/api/partners");
            model.addAttribute("partners", partners);
            model.addAttribute("partnerNames", Api.fieldById(partners, "name"));
        }
        if ("bedarfe".equals(part) && bedarf != null && caseFile.get("needs") != null) {
            for (Object need : (List<?>) caseFile.get("needs")) {
                if (need instanceof Map<?, ?> n && bedarf.equals(n.get("id"))) {
                    Object town = caseFile.get("client") instanceof Map<?, ?> client ? client.get("town") : "";
                    model.addAttribute("searchedNeed", n);
                    int offersPage = RecordList.page(angebotsseite);
                    model.addAttribute("offers", CaseListController.Paged.of(api.map(api.get(
                            "/api/offers?available=true&field={field}&town={town}&page={page}&size={size}",
                            Map.of("field", n.get("fieldOfAction"), "town", town == null ? "" : town,
                                    "page", offersPage - 1, "size", OFFERS_PAGE_SIZE))), offersPage));
                }
            }
        }
        return "case-file";
    }

    @PostMapping("/faelle/{id}/uebergabe")
    public String handOver(@PathVariable String id, @RequestParam String toCaseManager,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toCaseManager", toCaseManager);
        body.put("note", blankToNull(note));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/handover", body), redirect);
    }

    @PostMapping("/faelle/{id}/wiedereroeffnung")
    public String reopen(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/reopening", Map.of("reason", reason)),
                redirect);
    }

    /** Data protection (the lead): legal hold, and erasure on a lawful request. */
    @PostMapping("/faelle/{id}/sperre")
    public String legalHold(@PathVariable String id, @RequestParam boolean active, @RequestParam String reason,
                            RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/legal-hold",
                Map.of("active", active, "reason", reason)), redirect);
    }

    /** The client disputes the data (§ 84 SGB X): while disputed, it is blocked, not erased. */
    @PostMapping("/faelle/{id}/widerspruch")
    public String dispute(@PathVariable String id, @RequestParam boolean active, @RequestParam String reason,
                          RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/dispute",
                Map.of("active", active, "reason", reason)), redirect);
    }

    @PostMapping("/faelle/{id}/loeschung")
    public String erase(@PathVariable String id, @RequestParam String reference, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/erasure",
                Map.of("ground", "LAWFUL_REQUEST", "reference", reference)), redirect);
    }

    /** The client's self-disclosure (Art. 15 GDPR) as a page to read and print. */
    @GetMapping("/faelle/{id}/selbstauskunft")
    public String selfDisclosurePage(@PathVariable String id, Model model, java.util.Locale locale) {
        Api.Answer answer = api.get("/api/cases/" + id + "/self-disclosure");
        if (!answer.ok()) {
            if (answer.status() == 404) {
                model.addAttribute("error", answer.problem());
                return "not-found";
            }
            model.addAttribute("caseId", id);
            model.addAttribute("error", answer.problem());
            return "self-disclosure";
        }
        Map<Object, Object> partnerNames = Api.fieldById(api.all("/api/partners"), "name");
        model.addAttribute("caseId", id);
        model.addAttribute("page", new SelfDisclosurePage(labels, key -> messages.getMessage(key, null, key, locale),
                partnerNames, locale).of(answer.body()));
        return "self-disclosure";
    }

    /** The client's self-disclosure as the JSON file case-service makes. */
    @GetMapping("/faelle/{id}/selbstauskunft.json")
    public org.springframework.http.ResponseEntity<byte[]> selfDisclosure(@PathVariable String id) {
        org.springframework.http.ResponseEntity<byte[]> file = api.download("/api/cases/" + id + "/self-disclosure");
        return org.springframework.http.ResponseEntity.status(file.getStatusCode())
                .header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"selbstauskunft-" + id + ".json\"")
                .body(file.getBody());
    }

    @PostMapping("/faelle/{id}/abschluss")
    public String close(@PathVariable String id, @RequestParam String outcome, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/closure", Map.of("outcome", outcome)), redirect);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : List.of(commaSeparated.trim().split("\\s*,\\s*"));
    }
}
