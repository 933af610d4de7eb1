package de.kim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The steering group's dashboard: figures with bars ("<5" where suppressed), gaps, themes, the action plan, exports. */
@Controller
public class SteeringController {

    private static final Set<String> GROUPINGS = Set.of("month", "town", "target_group", "field_of_action", "legal_domain");
    private static final Set<String> REPORTS = Set.of("figures", "gaps", "themes", "referral-flows");

    private final Api api;

    public SteeringController(Api api) {
        this.api = api;
    }

    @GetMapping("/steuerung")
    public String dashboard(@RequestParam(defaultValue = "town") String groupBy, Model model) {
        String grouping = GROUPINGS.contains(groupBy) ? groupBy : "town";
        model.addAttribute("groupBy", grouping);
        model.addAttribute("figures", api.read("/api/steering/figures?groupBy=" + grouping));
        model.addAttribute("gaps", api.list("/api/steering/gaps"));
        model.addAttribute("themes", api.read("/api/steering/themes"));
        model.addAttribute("flows", api.list("/api/steering/referral-flows"));
        model.addAttribute("plan", api.read("/api/steering/action-plan"));
        return "steering";
    }

    @org.springframework.web.bind.annotation.PostMapping("/steuerung/ziele")
    public String adoptGoal(@RequestParam String title, @RequestParam String fieldOfAction,
                            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Api.Answer answer = api.send(org.springframework.http.HttpMethod.POST, "/api/steering/action-plan/goals",
                java.util.Map.of("title", title, "fieldOfAction", fieldOfAction));
        answer.flash(redirect);
        return "redirect:/steuerung";
    }

    /** The exports, fetched with the user's token and handed on as files. */
    @GetMapping("/steuerung/export/{report}.{format}")
    public ResponseEntity<byte[]> export(@PathVariable String report, @PathVariable String format) {
        if (!REPORTS.contains(report) || !Set.of("csv", "xlsx").contains(format)) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity<byte[]> file = api.download("/api/steering/exports/" + report + "." + format);
        return ResponseEntity.status(file.getStatusCode())
                .header(HttpHeaders.CONTENT_TYPE, file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report + "." + format + "\"")
                .body(file.getBody());
    }
}
