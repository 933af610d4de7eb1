package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lenkungsgruppe and the project groups in the browser: groups and members (changed, leaving),
 * meetings with agenda, attendance, minutes per agenda item, and decisions that give tasks to
 * members (and may adopt the draft of the action plan). Each change goes to steering-service; the page shown
 * next waits until the read model holds it.
 */
@Controller
public class SteeringGroupPages {

    static final String STEERING = "/api/steering";
    private static final int PAGE_SIZE = 20;
    /** A decision takes up to this many tasks on the page (the API takes more). */
    static final int MAX_TASK_ROWS = 12;

    private final Api api;

    public SteeringGroupPages(Api api) {
        this.api = api;
    }

    @GetMapping("/steuerung/gremien")
    public String groups(@RequestParam(name = "seite", defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute("groups", api.read(STEERING + "/groups?size=100"));
        model.addAttribute("meetings", api.read(STEERING + "/meetings?size=" + PAGE_SIZE + "&page=" + shown));
        model.addAttribute("page", shown);
        model.addAttribute("today", java.time.LocalDate.now().toString());
        return "steering-groups";
    }

    @PostMapping("/steuerung/gremien")
    public String formGroup(@RequestParam("body") String body, @RequestParam String name, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, STEERING + "/groups", Map.of("body", body, "name", name));
        String id = answer.ok() ? answer.id() : "";
        if (answer.ok()) {
            api.awaitUntil(STEERING + "/groups/" + id, group -> id.equals(group.path("id").asText()));
        }
        answer.flash(redirect, "form-group");
        return "redirect:/steuerung/gremien";
    }

    @PostMapping("/steuerung/gremien/{groupId}/mitglieder")
    public String addMember(@PathVariable String groupId, @RequestParam String name, @RequestParam String organisation,
                            @RequestParam String role, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, STEERING + "/groups/" + groupId + "/members",
                Map.of("name", name, "organisation", organisation, "role", role));
        String id = answer.ok() ? answer.id() : "";
        if (answer.ok()) {
            api.awaitUntil(STEERING + "/groups/" + groupId, group -> group.path("members").findValuesAsText("id").contains(id));
        }
        answer.flash(redirect, "add-member-" + groupId);
        return "redirect:/steuerung/gremien#group-" + groupId;
    }

    @PostMapping("/steuerung/gremien/{groupId}/mitglieder/{memberId}")
    public String changeMember(@PathVariable String groupId, @PathVariable String memberId,
                               @RequestParam String organisation, @RequestParam String role, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.PUT, STEERING + "/groups/" + groupId + "/members/" + memberId,
                Map.of("organisation", organisation, "role", role));
        if (answer.ok()) {
            api.awaitUntil(STEERING + "/groups/" + groupId, group -> member(group, memberId)
                    .map(m -> m.path("role").asText().equals(role) && m.path("organisation").asText().equals(organisation.strip()))
                    .orElse(false));
        }
        answer.flash(redirect, "change-member-" + memberId);
        return "redirect:/steuerung/gremien#group-" + groupId;
    }

    @PostMapping("/steuerung/gremien/{groupId}/mitglieder/{memberId}/austritt")
    public String removeMember(@PathVariable String groupId, @PathVariable String memberId, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.DELETE, STEERING + "/groups/" + groupId + "/members/" + memberId, null);
        if (answer.ok()) {
            api.awaitUntil(STEERING + "/groups/" + groupId, group -> member(group, memberId)
                    .map(m -> !m.path("removedOn").isNull()).orElse(false));
        }
        answer.flash(redirect);
        return "redirect:/steuerung/gremien#group-" + groupId;
    }

    private static Optional<JsonNode> member(
            JsonNode group, String memberId) {
        for (JsonNode m : group.path("members")) {
            if (memberId.equals(m.path("id").asText())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @PostMapping("/steuerung/sitzungen")
    public String schedule(@RequestParam String groupId, @RequestParam String heldOn, @RequestParam String place,
                           @RequestParam String agenda, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", CasesController.blankToNull(heldOn));
        body.put("place", place);
        body.put("agenda", Arrays.stream(agenda.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        Api.Answer answer = api.send(HttpMethod.POST, STEERING + "/groups/" + groupId + "/meetings", body);
        answer.flash(redirect, "schedule-meeting");
        if (!answer.ok()) {
            return "redirect:/steuerung/gremien#schedule-meeting";
        }
        String page = meetingPath(groupId, answer.id());
        api.awaitUntil(STEERING + "/groups/" + groupId + "/meetings/" + answer.id(), m -> m.has("meeting"));
        return "redirect:" + page;
    }

    @GetMapping("/steuerung/gremien/{groupId}/sitzungen/{meetingId}")
    public String meeting(@PathVariable String groupId, @PathVariable String meetingId,
                          @RequestParam(name = "aufgaben", defaultValue = "3") int taskRows, Model model) {
        Api.Answer meeting = api.get(STEERING + "/groups/{g}/meetings/{m}", Map.of("g", groupId, "m", meetingId));
        if (!meeting.ok()) {
            return "not-found";
        }
        Map<?, ?> detail = api.map(meeting);
        Map<?, ?> group = api.read(STEERING + "/groups/" + groupId);
        model.addAttribute("detail", detail);
        model.addAttribute("group", group);
        // Former members are no choice any more; one recorded present at this meeting stays on its attendance.
        List<?> present = detail.get("meeting") instanceof Map<?, ?> m && m.get("presentMemberIds") instanceof List<?> p
                ? p : List.of();
        List<Map<?, ?>> current = new ArrayList<>();
        List<Map<?, ?>> formerPresent = new ArrayList<>();
        if (group.get("members") instanceof List<?> members) {
            for (Object o : members) {
                if (o instanceof Map<?, ?> member) {
                    if (member.get("removedOn") == null) {
                        current.add(member);
                    } else if (present.contains(member.get("id"))) {
                        formerPresent.add(member);
                    }
                }
            }
        }
        model.addAttribute("taskRows", Math.max(1, Math.min(taskRows, MAX_TASK_ROWS)));
        model.addAttribute("moreTaskRows", Math.min(taskRows + 3, MAX_TASK_ROWS));
        model.addAttribute("currentMembers", current);
        model.addAttribute("formerPresent", formerPresent);
        Map<?, ?> plan = api.read(ActionPlanController.PLAN);
        model.addAttribute("plan", plan);
        model.addAttribute("links", links(plan));
        return "meeting";
    }

    @PostMapping("/steuerung/gremien/{groupId}/sitzungen/{meetingId}/anwesenheit")
    public String attendance(@PathVariable String groupId, @PathVariable String meetingId,
                             @RequestParam(name = "present", required = false) List<String> present,
                             RedirectAttributes redirect) {
        List<String> ids = present == null ? List.of() : present;
        Api.Answer answer = api.send(HttpMethod.PUT, meetingApi(groupId, meetingId) + "/attendance",
                Map.of("presentMemberIds", ids));
        if (answer.ok()) {
            api.awaitUntil(meetingApi(groupId, meetingId), m -> m.at("/meeting/attendanceRecorded").asBoolean()
                    && m.at("/meeting/presentMemberIds").size() == ids.size());
        }
        answer.flash(redirect, "attendance");
        return "redirect:" + meetingPath(groupId, meetingId) + "#attendance";
    }

    @PostMapping("/steuerung/gremien/{groupId}/sitzungen/{meetingId}/protokoll/{itemId}")
    public String minutes(@PathVariable String groupId, @PathVariable String meetingId, @PathVariable String itemId,
                          @RequestParam String text, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.PUT, meetingApi(groupId, meetingId) + "/agenda/" + itemId + "/minutes",
                Map.of("text", text));
        if (answer.ok()) {
            api.awaitUntil(meetingApi(groupId, meetingId), m -> m.at("/meeting/agenda").findValuesAsText("minutes")
                    .contains(text));
        }
        answer.flash(redirect, "minutes-" + itemId);
        return "redirect:" + meetingPath(groupId, meetingId) + "#item-" + itemId;
    }

    @PostMapping("/steuerung/gremien/{groupId}/sitzungen/{meetingId}/beschluesse")
    public String decide(@PathVariable String groupId, @PathVariable String meetingId,
                         @RequestParam(required = false) String agendaItemId, @RequestParam String subject,
                         @RequestParam String text, @RequestParam(required = false) String link,
                         @RequestParam(required = false) String[] taskTitle, @RequestParam(required = false) String[] owner,
                         @RequestParam(required = false) String[] dueOn,
                         @RequestParam(required = false) Integer adoptsVersion, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaItemId", CasesController.blankToNull(agendaItemId));
        body.put("subject", subject);
        body.put("text", text);
        String[] goalAndMeasure = link == null || link.isBlank() ? new String[0] : link.split("/", 2);
        body.put("goalId", goalAndMeasure.length > 0 ? goalAndMeasure[0] : null);
        body.put("measureId", goalAndMeasure.length > 1 ? goalAndMeasure[1] : null);
        // One task per filled row; a row with only an owner or a day is sent too, so that its missing title is named.
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int count = Math.max(length(taskTitle), Math.max(length(owner), length(dueOn)));
        for (int i = 0; i < count; i++) {
            String title = at(taskTitle, i);
            String ownerId = at(owner, i);
            String due = at(dueOn, i);
            if (title != null || ownerId != null || due != null) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("title", title);
                task.put("ownerMemberId", ownerId);
                task.put("dueOn", due);
                tasks.add(task);
                rows.add(i + 1);
            }
        }
        body.put("tasks", tasks);
        Api.Answer answer = api.send(HttpMethod.POST, meetingApi(groupId, meetingId) + "/decisions", body);
        if (!answer.ok()) {
            redirect.addFlashAttribute("taskErrors", taskErrors(answer, rows));
        }
        String decisionId = answer.ok() ? answer.id() : "";
        if (answer.ok() && adoptsVersion != null) {
            // The group answers for its decision at once: the adoption needs no wait for the meeting's page.
            answer = api.send(HttpMethod.POST, ActionPlanController.PLAN + "/versions/" + adoptsVersion + "/adoption",
                    Map.of("decisionId", decisionId, "groupId", groupId));
            if (answer.ok()) {
                api.awaitUntil(ActionPlanController.PLAN, plan -> plan.path("inForce").asInt() == adoptsVersion);
            }
        }
        if (!decisionId.isEmpty()) {
            api.awaitUntil(meetingApi(groupId, meetingId), m -> m.path("decisions").findValuesAsText("id").contains(decisionId));
        }
        answer.flash(redirect, "record-decision");
        return "redirect:" + meetingPath(groupId, meetingId) + "#decisions";
    }

    @PostMapping("/steuerung/gremien/{groupId}/aufgaben/{taskId}/erledigt")
    public String done(@PathVariable String groupId, @PathVariable String taskId,
                       @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.PUT, STEERING + "/groups/" + groupId + "/tasks/" + taskId + "/done", null);
        if (answer.ok()) {
            api.awaitUntil(STEERING + "/tasks?open=true&size=100", t -> !t.path("items").findValuesAsText("id").contains(taskId));
        }
        answer.flash(redirect);
        return "redirect:" + (back != null && back.startsWith("/steuerung") ? back : "/steuerung#tasks");
    }

    /** The problems the API names for tasks ("tasks[1].dueOn"), by the row of the form they came from. */
    private static List<Map<String, Object>> taskErrors(Api.Answer answer, List<Integer> rows) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            Matcher task = TASK_FIELD.matcher(error.path("field").asText());
            if (task.matches() && Integer.parseInt(task.group(1)) < rows.size()) {
                errors.add(Map.of("row", rows.get(Integer.parseInt(task.group(1))), "message",
                        error.path("message").asText()));
            }
        }
        return errors;
    }

    private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)].*");

    private static int length(String[] values) {
        return values == null ? 0 : values.length;
    }

    private static String at(String[] values, int i) {
        return values == null || i >= values.length ? null : CasesController.blankToNull(values[i]);
    }

    private static String meetingPath(String groupId, String meetingId) {
        return "/steuerung/gremien/" + groupId + "/sitzungen/" + meetingId;
    }

    private static String meetingApi(String groupId, String meetingId) {
        return STEERING + "/groups/" + groupId + "/meetings/" + meetingId;
    }

    /** What a decision can be linked to, in words: each goal, and each measure under its goal ("goal/measure"). */
    private static Map<String, String> links(Map<?, ?> plan) {
        Map<String, String> links = new LinkedHashMap<>();
        if (plan.get("goals") instanceof List<?> goals) {
            for (Object g : goals) {
                if (g instanceof Map<?, ?> goal) {
                    links.put(String.valueOf(goal.get("id")), String.valueOf(goal.get("title")));
                    if (goal.get("measures") instanceof List<?> measures) {
                        for (Object m : measures) {
                            if (m instanceof Map<?, ?> measure) {
                                links.put(goal.get("id") + "/" + measure.get("id"),
                                        goal.get("title") + " – " + measure.get("title"));
                            }
                        }
                    }
                }
            }
        }
        return links;
    }
}
