package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration: the audit trails of the services that hold personal data (who read or changed
 * what, when, for which purpose), filtered as the services allow; and rebuilding steering's
 * read models from the topics.
 */
@Controller
public class AdministrationController {

    static final List<String> SERVICES = List.of("case-service", "partner-service", "immigration-office-service");
    /** The Kommunen are in Germany: times are entered and shown in German time. */
    private static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final Api api;

    public AdministrationController(Api api) {
        this.api = api;
    }

    /** One service's entries, or the problem it answered. */
    public record Trail(String service, List<?> entries, String problem) {
    }

    @GetMapping("/protokoll")
    public String auditTrail(@RequestParam(required = false) String service, @RequestParam(required = false) String subject,
                             @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") String limit,
                             Model model) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("subject", CasesController.blankToNull(subject));
        filter.put("actor", CasesController.blankToNull(actor));
        filter.put("from", instant(from));
        filter.put("to", instant(to));
        filter.put("limit", limit.isBlank() ? "200" : limit.trim());
        filter.values().removeIf(java.util.Objects::isNull);
        StringBuilder query = new StringBuilder();
        filter.keySet().forEach(name -> query.append(query.isEmpty() ? "?" : "&").append(name).append("={").append(name).append("}"));
        List<Trail> trails = new ArrayList<>();
        for (String each : service != null && SERVICES.contains(service) ? List.of(service) : SERVICES) {
            Api.Answer answer = api.get("/api/audit/" + each + query, filter);
            trails.add(new Trail(each, answer.ok() ? shown(api.list(answer)) : List.of(), answer.ok() ? null : answer.problem()));
        }
        model.addAttribute("trails", trails);
        model.addAttribute("services", SERVICES);
        model.addAttribute("filter", Map.of("service", service == null ? "" : service, "subject", nullToEmpty(subject),
                "actor", nullToEmpty(actor), "from", nullToEmpty(from), "to", nullToEmpty(to), "limit", limit));
        return "audit";
    }

    /** Drops and rebuilds steering's facts; only once the administrator has confirmed it. */
    @PostMapping("/verwaltung/neuaufbau")
    public String rebuildSteering(@RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("warning", "rebuild-unconfirmed");
            return "redirect:/protokoll#rebuild";
        }
        Api.Answer answer = api.send(HttpMethod.POST, "/api/steering/rebuild", null);
        if (answer.ok()) {
            redirect.addFlashAttribute("rebuilt", api.map(answer));
        } else {
            answer.flash(redirect);
        }
        return "redirect:/protokoll#rebuild";
    }

    /**
     * A time the form gave ({@code 2026-11-25T14:30}, German time) as the instant the services
     * expect; anything else as typed, so that the service says what is wrong with it.
     */
    static String instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(LOCAL).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local.trim();
        }
    }

    /** The entries with their time in German time, for the table. */
    private static List<Map<Object, Object>> shown(List<?> entries) {
        List<Map<Object, Object>> rows = new ArrayList<>();
        for (Object entry : entries) {
            Map<Object, Object> row = new LinkedHashMap<>((Map<?, ?>) entry);
            try {
                row.put("when", SHOWN.format(Instant.parse(String.valueOf(row.get("at"))).atZone(LOCAL)));
            } catch (DateTimeParseException e) {
                row.put("when", row.get("at"));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
