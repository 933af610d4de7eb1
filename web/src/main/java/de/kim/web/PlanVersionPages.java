package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions of the action plan in the browser: every version as adopted, the draft of the
 * next one, and in it a goal's new wording or its retirement, an indicator's retirement. A
 * meeting's decision adopts the draft (on the meeting's page).
 */
@Controller
public class PlanVersionPages {

    private static final String VERSIONS = ActionPlanController.PLAN + "/versions";
    private static final String BACK = "redirect:/steuerung/handlungskonzept/fassungen";

    private final Api api;

    public PlanVersionPages(Api api) {
        this.api = api;
    }

    @GetMapping("/steuerung/handlungskonzept/fassungen")
    public String versions(Model model) {
        model.addAttribute("plan", api.read(ActionPlanController.PLAN));
        model.addAttribute("versions", api.read(VERSIONS + "?size=100"));
        return "plan-versions";
    }

    @PostMapping("/steuerung/handlungskonzept/fassungen")
    public String startDraft(RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, VERSIONS, null);
        if (answer.ok()) {
            int number = answer.body().path("version").asInt();
            api.awaitUntil(ActionPlanController.PLAN, plan -> plan.path("draft").asInt() == number);
        }
        answer.flash(redirect, "start-draft");
        return BACK;
    }

    @PostMapping("/steuerung/handlungskonzept/ziele/{goalId}")
    public String changeGoal(@PathVariable String goalId, @RequestParam String title,
                             @RequestParam(required = false) String description, @RequestParam String fieldOfAction,
                             RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", CasesController.blankToNull(description));
        body.put("fieldOfAction", fieldOfAction);
        Api.Answer answer = api.send(HttpMethod.PUT, ActionPlanController.PLAN + "/goals/" + goalId, body);
        if (answer.ok()) {
            api.awaitUntil(ActionPlanController.PLAN, plan -> plan.path("goals").findValuesAsText("title").contains(title));
        }
        answer.flash(redirect, "change-goal-" + goalId);
        return BACK + "#draft-goal-" + goalId;
    }

    @PostMapping("/steuerung/handlungskonzept/ziele/{goalId}/ruhestand")
    public String retireGoal(@PathVariable String goalId, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, ActionPlanController.PLAN + "/goals/" + goalId + "/retirement", null);
        if (answer.ok()) {
            api.awaitUntil(ActionPlanController.PLAN, plan -> !plan.path("goals").findValuesAsText("id").contains(goalId));
        }
        answer.flash(redirect);
        return BACK;
    }

    @PostMapping("/steuerung/handlungskonzept/ziele/{goalId}/indikatoren/{indicatorId}/ruhestand")
    public String retireIndicator(@PathVariable String goalId, @PathVariable String indicatorId,
                                  RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, ActionPlanController.PLAN + "/goals/" + goalId + "/indicators/"
                + indicatorId + "/retirement", null);
        if (answer.ok()) {
            api.awaitUntil(ActionPlanController.PLAN, plan -> !plan.path("goals").findValuesAsText("id").contains(indicatorId));
        }
        answer.flash(redirect);
        return BACK;
    }
}
