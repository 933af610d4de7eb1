package de.kim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steering group's dashboard: figures with bars ("<5" where suppressed), counselling contacts
 * and hours, gaps, themes,
 * residence status progressions, the open tasks of the groups and their next meeting, the action
 * plan with its forms, exports.
 */
@Controller
public class SteeringController {

    private static final Set<String> GROUPINGS = Set.of("month", "town", "target_group", "field_of_action", "legal_domain");
    private static final Set<String> REPORTS = Set.of("figures", "gaps", "themes", "referral-flows", "status-progressions",
            "yearly");

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
        model.addAttribute("counselling", api.read("/api/steering/counselling"));
        model.addAttribute("flows", api.list("/api/steering/referral-flows"));
        model.addAttribute("progressions", api.read("/api/steering/status-progressions"));
        Map<?, ?> plan = api.read(ActionPlanController.PLAN);
        model.addAttribute("plan", plan);
        model.addAttribute("goalTitles", goalTitles(plan));
        model.addAttribute("today", LocalDate.now().toString());
        model.addAttribute("openTasks", api.read("/api/steering/tasks?open=true&size=20"));
        model.addAttribute("nextMeeting", api.read("/api/steering/meetings?upcoming=true&size=1"));
        return "steering";
    }

    /** The exports, fetched with the user's token and handed on as files; the yearly report names its year. */
    @GetMapping("/steuerung/export/{report}.{format}")
    public ResponseEntity<byte[]> export(@PathVariable String report, @PathVariable String format,
                                         @RequestParam(required = false) Integer year) {
        if (!REPORTS.contains(report) || !Set.of("csv", "xlsx").contains(format)) {
            return ResponseEntity.notFound().build();
        }
        String query = "yearly".equals(report) && year != null ? "?year=" + year : "";
        String name = report + (query.isEmpty() ? "" : "-" + year) + "." + format;
        ResponseEntity<byte[]> file = api.download("/api/steering/exports/" + report + "." + format + query);
        return ResponseEntity.status(file.getStatusCode())
                .header(HttpHeaders.CONTENT_TYPE, file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(file.getBody());
    }

    /** The goals' titles by id, for the decisions that name a goal. */
    private static Map<Object, Object> goalTitles(Map<?, ?> plan) {
        return plan.get("goals") instanceof List<?> goals ? Api.fieldById(goals, "title") : Map.of();
    }
}
