package de.kim.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case manager's lists: the cases, a page of 50 at a time, searched and filtered by case-service
 * (by name, Aktenzeichen or date of birth, status, town and target group), with what is due today
 * (the first follow-ups and the immigration office's hand-overs) above them; and all due follow-ups,
 * paged, on a page of their own, as are all open hand-overs. Pages count from 1 in the address ({@code seite}), from 0 in the API.
 */
@Controller
public class CaseListController {

    static final int PAGE_SIZE = 50;
    /** The case list as the page asks case-service for it. */
    static final String CASES = "/api/cases?q={q}&status={status}&town={town}&targetGroup={targetGroup}"
            + "&assignee={assignee}&page={page}&size={size}";
    /** Follow-ups shown above the case list; the rest are on their own page. */
    static final int FOLLOW_UPS_ON_CASE_LIST = 10;

    private final Api api;
    private final Colleagues colleagues;

    public CaseListController(Api api, Colleagues colleagues) {
        this.api = api;
        this.colleagues = colleagues;
    }

    @GetMapping("/faelle")
    public String cases(@RequestParam(required = false) String suche, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String ort, @RequestParam(required = false) String zielgruppe,
                        @RequestParam(required = false) String zustaendig, @RequestParam(required = false) String seite,
                        Model model) {
        String shownStatus = status == null ? "OPEN" : status;
        int page = page(seite);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", blank(suche));
        query.put("status", "ALL".equals(shownStatus) ? "" : shownStatus);
        query.put("town", blank(ort));
        query.put("targetGroup", blank(zielgruppe));
        // The lead's choice of a colleague; case-service gives a case manager their own cases whatever is asked.
        query.put("assignee", blank(zustaendig));
        query.put("page", page - 1);
        query.put("size", PAGE_SIZE);
        Api.Answer answer = api.get(CASES, query);
        if (!answer.ok()) {
            model.addAttribute("error", answer.problem());
        }
        model.addAttribute("cases", Paged.of(api.map(answer), page));
        model.addAttribute("filter", Map.of("suche", blank(suche), "status", shownStatus, "ort", blank(ort),
                "zielgruppe", blank(zielgruppe), "zustaendig", blank(zustaendig)));
        Api.Answer followUps = api.get("/api/follow-ups?size=" + FOLLOW_UPS_ON_CASE_LIST);
        model.addAttribute("followUps", Paged.of(api.map(followUps), 1));
        Api.Answer handovers = api.get("/api/handovers?size=" + FOLLOW_UPS_ON_CASE_LIST);
        model.addAttribute("handovers", Paged.of(api.map(handovers), 1));
        model.addAttribute("staff", colleagues.caseManagement());
        return "cases";
    }

    /** The open hand-overs of the immigration office, paged, optionally of one field of action. */
    @GetMapping("/faelle/uebergaben")
    public String handovers(@RequestParam(required = false) String feld, @RequestParam(required = false) String seite,
                            Model model) {
        int page = page(seite);
        Api.Answer answer = api.get("/api/handovers?field={field}&page={page}&size={size}", Map.of("field", blank(feld),
                "page", page - 1, "size", PAGE_SIZE));
        if (!answer.ok()) {
            model.addAttribute("error", answer.problem());
        }
        model.addAttribute("handovers", Paged.of(api.map(answer), page));
        model.addAttribute("field", blank(feld));
        return "handovers";
    }

    @GetMapping("/faelle/wiedervorlagen")
    public String followUps(@RequestParam(required = false) String zustaendig, @RequestParam(required = false) String seite,
                            Model model) {
        int page = page(seite);
        Api.Answer answer = api.get("/api/follow-ups?assignee={assignee}&page={page}&size={size}", Map.of(
                "assignee", blank(zustaendig), "page", page - 1, "size", PAGE_SIZE));
        if (!answer.ok()) {
            model.addAttribute("error", answer.problem());
        }
        model.addAttribute("followUps", Paged.of(api.map(answer), page));
        model.addAttribute("staff", colleagues.caseManagement());
        model.addAttribute("zustaendig", blank(zustaendig));
        return "follow-ups";
    }

    /** A page number from the address: 1 for anything that is not a page. */
    private static int page(String seite) {
        try {
            return seite == null ? 1 : Math.max(1, Math.min(Integer.parseInt(seite.trim()), 100_000));
        } catch (NumberFormatException notAPage) {
            return 1;
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }

    /**
     * A page of a list for a template: its items, the numbers of its first and last item (from 1), the
     * total, and whether there is a page before and after it.
     */
    public record Paged(List<?> items, long first, long last, long total, int page, boolean hasPrevious,
                        boolean hasNext) {

        static Paged of(Map<?, ?> answer, int page) {
            List<?> items = answer.get("items") instanceof List<?> list ? list : List.of();
            long total = answer.get("total") instanceof Number number ? number.longValue() : 0;
            int size = answer.get("size") instanceof Number number ? number.intValue() : PAGE_SIZE;
            long first = items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
            long last = items.isEmpty() ? 0 : first + items.size() - 1;
            return new Paged(items, first, last, total, page, page > 1, last < total);
        }
    }
}
