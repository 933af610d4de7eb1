package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The steering group's action plan (Handlungskonzept) from the dashboard's forms: goals, their
 * measures and indicators, a measure's status, the decisions. Each change is sent to
 * steering-service; the dashboard is shown once the plan's read model holds it.
 */
@Controller
public class ActionPlanController {

    static final String PLAN = "/api/steering/action-plan";
    private static final String BACK = "redirect:/steuerung#plan";

    private final Api api;

    public ActionPlanController(Api api) {
        this.api = api;
    }

    @PostMapping("/steuerung/ziele")
    public String adoptGoal(@RequestParam String title, @RequestParam String fieldOfAction,
                            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", CasesController.blankToNull(description));
        body.put("fieldOfAction", fieldOfAction);
        return created(api.send(HttpMethod.POST, PLAN + "/goals", body), redirect);
    }

    @PostMapping("/steuerung/ziele/{goalId}/massnahmen")
    public String addMeasure(@PathVariable String goalId, @RequestParam String title,
                             @RequestParam(required = false) String responsible,
                             @RequestParam(required = false) String dueOn, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("responsible", CasesController.blankToNull(responsible));
        body.put("dueOn", CasesController.blankToNull(dueOn));
        return created(api.send(HttpMethod.POST, PLAN + "/goals/" + goalId + "/measures", body), redirect);
    }

    @PostMapping("/steuerung/ziele/{goalId}/massnahmen/{measureId}/stand")
    public String changeStatus(@PathVariable String goalId, @PathVariable String measureId, @RequestParam String status,
                               RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.PUT, PLAN + "/goals/" + goalId + "/measures/" + measureId + "/status",
                Map.of("status", status));
        return after(answer, plan -> measure(plan, measureId).path("status").asText().equals(status), redirect);
    }

    @PostMapping("/steuerung/ziele/{goalId}/indikatoren")
    public String bindIndicator(@PathVariable String goalId, @RequestParam String metric, @RequestParam String direction,
                                @RequestParam long target, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String town,
                                RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", metric);
        body.put("direction", direction);
        body.put("target", target);
        body.put("from", CasesController.blankToNull(from));
        body.put("to", CasesController.blankToNull(to));
        body.put("town", CasesController.blankToNull(town));
        return created(api.send(HttpMethod.POST, PLAN + "/goals/" + goalId + "/indicators", body), redirect);
    }

    @PostMapping("/steuerung/beschluesse")
    public String recordDecision(@RequestParam("body") String decidedBy, @RequestParam String decidedOn,
                                 @RequestParam String subject, @RequestParam String text,
                                 @RequestParam(required = false) String goalId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", decidedBy);
        body.put("decidedOn", CasesController.blankToNull(decidedOn));
        body.put("subject", subject);
        body.put("text", text);
        body.put("goalId", CasesController.blankToNull(goalId));
        return created(api.send(HttpMethod.POST, PLAN + "/decisions", body), redirect);
    }

    /** A new entry of the plan: shown once its id is in the read model. */
    private String created(Api.Answer answer, RedirectAttributes redirect) {
        String id = answer.ok() ? answer.id() : "";
        return after(answer, plan -> plan.findValues("id").stream().anyMatch(value -> value.asText().equals(id)), redirect);
    }

    private String after(Api.Answer answer, Predicate<JsonNode> shown, RedirectAttributes redirect) {
        if (answer.ok()) {
            api.awaitUntil(PLAN, shown);
        }
        answer.flash(redirect);
        return BACK;
    }

    private static JsonNode measure(JsonNode plan, String measureId) {
        for (JsonNode goal : plan.path("goals")) {
            for (JsonNode measure : goal.path("measures")) {
                if (measureId.equals(measure.path("id").asText())) {
                    return measure;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
