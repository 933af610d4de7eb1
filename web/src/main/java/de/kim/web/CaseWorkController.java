package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.kim.web.CasesController.blankToNull;

/**
 * The work on an open case: needs, the integration plan and its goals, measures (with the
 * double-funding warning), legal domains, follow-ups and generative themes.
 */
@Controller
public class CaseWorkController {

    /** The need form's fields the service may refuse, as the API names them. */
    static final List<String> NEED_FIELDS = List.of("fieldOfAction", "priority", "description");
    /** The follow-up form's fields the service may refuse, as the API names them. */
    static final List<String> FOLLOW_UP_FIELDS = List.of("dueOn", "subject");

    private final Api api;
    private final CaseChanges changes;

    public CaseWorkController(Api api, CaseChanges changes) {
        this.api = api;
        this.changes = changes;
    }

    @PostMapping("/faelle/{id}/bedarfe")
    public String need(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fieldOfAction", blankToNull(form.get("fieldOfAction")));
        body.put("priority", blankToNull(form.get("priority")));
        body.put("description", blankToNull(form.get("description")));
        body.put("entrusted", "true".equals(form.get("entrusted")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/needs", body), redirect,
                "add-need", NEED_FIELDS);
    }

    /** Marks a need, measure or achievement as entrusted (anvertraut, § 65 SGB VIII): it never leaves case management. */
    @PostMapping("/faelle/{id}/{kind:bedarfe|massnahmen|erfolge}/{itemId}/anvertraut")
    public String entrusted(@PathVariable String id, @PathVariable String kind, @PathVariable String itemId,
                            RedirectAttributes redirect) {
        String items = switch (kind) {
            case "bedarfe" -> "needs";
            case "massnahmen" -> "measures";
            default -> "achievements";
        };
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/" + items + "/" + itemId
                + "/entrusted", null), redirect);
    }

    @PostMapping("/faelle/{id}/bedarfe/{needId}")
    public String updateNeed(@PathVariable String id, @PathVariable String needId, @RequestParam String priority,
                             @RequestParam(required = false) String description, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("priority", priority);
        body.put("description", blankToNull(description));
        return changes.apply(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/needs/" + needId, body), redirect);
    }

    @PostMapping("/faelle/{id}/bedarfe/{needId}/erledigt")
    public String resolveNeed(@PathVariable String id, @PathVariable String needId, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/needs/" + needId + "/resolution",
                null), redirect);
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
        return changes.apply(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/plan",
                Map.of("agreedOn", LocalDate.now().toString(), "goals", goals)), redirect);
    }

    @PostMapping("/faelle/{id}/ziele/{goalId}/erreicht")
    public String achieveGoal(@PathVariable String id, @PathVariable String goalId, @RequestParam String achievedOn,
                              RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/plan/goals/" + goalId
                + "/achievement", Map.of("achievedOn", achievedOn)), redirect);
    }

    @PostMapping("/faelle/{id}/ziele/{goalId}/aufgegeben")
    public String dropGoal(@PathVariable String id, @PathVariable String goalId, @RequestParam String reason,
                           RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/plan/goals/" + goalId + "/drop",
                Map.of("reason", reason)), redirect);
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
        body.put("entrusted", "true".equals(form.get("entrusted")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/measures", body), redirect);
    }

    /** Keeps a measure despite the double-funding warning, with the reason why it is no double funding. */
    @PostMapping("/faelle/{id}/massnahmen/{measureId}/bestaetigung")
    public String confirmMeasure(@PathVariable String id, @PathVariable String measureId,
                                 @RequestParam String justification, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/measures/" + measureId
                + "/confirmation", Map.of("justification", justification)), redirect);
    }

    @PostMapping("/faelle/{id}/massnahmen/{measureId}/rueckzug")
    public String withdrawMeasure(@PathVariable String id, @PathVariable String measureId, @RequestParam String reason,
                                  RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/measures/" + measureId
                + "/withdrawal", Map.of("reason", reason)), redirect);
    }

    @PostMapping("/faelle/{id}/rechtskreise")
    public String legalDomains(@PathVariable String id, @RequestParam(required = false) List<String> legalDomains,
                               RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/legal-domains",
                Map.of("legalDomains", legalDomains == null ? List.of() : legalDomains,
                        "since", LocalDate.now().toString())), redirect);
    }

    @PostMapping("/faelle/{id}/wiedervorlagen")
    public String followUp(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dueOn", blankToNull(form.get("dueOn")));
        body.put("subject", blankToNull(form.get("subject")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/follow-ups", body), redirect,
                "add-follow-up", FOLLOW_UP_FIELDS);
    }

    @PostMapping("/faelle/{id}/wiedervorlagen/{followUpId}/erledigt")
    public String completeFollowUp(@PathVariable String id, @PathVariable String followUpId, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/follow-ups/" + followUpId
                + "/completion", null), redirect);
    }

    @PostMapping("/faelle/{id}/themen")
    public String theme(@PathVariable String id, @RequestParam String freeText, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/themes", Map.of("freeText", freeText)),
                redirect);
    }

}
