package de.kim.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
import java.util.function.Supplier;

/**
 * The immigration office: expiring permits, the work list, a record with its statuses, achievements
 * and screening, hand-over to case management, status checks asked by case management, and who is
 * responsible for the record.
 */
@Controller
public class ResidenceController {

    /** The look-ahead periods the candidate list offers: today, three, six and twelve months. */
    static final List<String> WITHIN = List.of("P0D", "P3M", "P6M", "P12M");

    private final Api api;
    private final Colleagues colleagues;

    public ResidenceController(Api api, Colleagues colleagues) {
        this.api = api;
        this.colleagues = colleagues;
    }

    /**
     * The officer's records, 50 a page, searched (Aktenzeichen, name, date of birth) and filtered by status,
     * expiry and responsibility; pages count from 1 in the address ({@code seite}).
     */
    @GetMapping("/aufenthalt")
    public String records(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String suche,
                          @RequestParam(required = false) String status, @RequestParam(required = false) String ablauf,
                          @RequestParam(required = false) String meine, @RequestParam(required = false) String weg,
                          @RequestParam(required = false) String ordnung, @RequestParam(required = false) String seite,
                          Model model) {
        RecordList.Filter filter = RecordList.Filter.of(suche, status, ablauf, meine, weg, ordnung);
        int page = RecordList.page(seite);
        Api.Answer answer = api.get(RecordList.template(filter), RecordList.query(filter, page,
                SignedIn.of(user).username()));
        if (!answer.ok()) {
            model.addAttribute("error", answer.problem());
        }
        model.addAttribute("records", CaseListController.Paged.of(api.map(answer), page));
        model.addAttribute("filter", filter);
        model.addAttribute("expiryChoices", RecordList.EXPIRY_DAYS);
        model.addAttribute("workList", api.read("/api/residence-records/work-list?officer="
                + SignedIn.of(user).username() + "&withinDays=180"));
        model.addAttribute("staff", colleagues.officers());
        return "residence";
    }

    /**
     * The candidate list: who meets a pathway's requirements today or will within the period, with what is
     * missing, 50 a page ({@code seite} from 1), with links to the whole list as CSV and XLSX. The pathway and
     * period come from fixed choices, so nothing typed reaches the query.
     */
    @GetMapping("/aufenthalt/kandidaten")
    public String candidates(@RequestParam(defaultValue = "AUFENTHG_25B") String pathway,
                             @RequestParam(defaultValue = "P6M") String within,
                             @RequestParam(required = false) String seite, Model model) {
        String chosenPathway = chosenPathway(pathway);
        String chosenWithin = chosenWithin(within);
        int page = RecordList.page(seite);
        model.addAttribute("pathway", chosenPathway);
        model.addAttribute("within", chosenWithin);
        model.addAttribute("withinChoices", WITHIN);
        Map<?, ?> candidates = api.read("/api/pathway-candidates?pathway=" + chosenPathway + "&within="
                + chosenWithin + "&page=" + (page - 1) + "&size=" + RecordList.PAGE_SIZE);
        model.addAttribute("candidates", candidates);
        int total = candidates.get("total") instanceof Number n ? n.intValue() : 0;
        model.addAttribute("page", page);
        model.addAttribute("hasPrevious", page > 1);
        model.addAttribute("hasNext", (long) page * RecordList.PAGE_SIZE < total);
        return "residence-candidates";
    }

    /** The whole candidate list of the pathway and period as a CSV or XLSX file, fetched with the officer's token. */
    @GetMapping("/aufenthalt/kandidaten.{format}")
    public ResponseEntity<byte[]> candidateFile(@PathVariable String format,
                                                @RequestParam(defaultValue = "AUFENTHG_25B") String pathway,
                                                @RequestParam(defaultValue = "P6M") String within) {
        if (!List.of("csv", "xlsx").contains(format)) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity<byte[]> file = api.download("/api/pathway-candidates/export." + format + "?pathway="
                + chosenPathway(pathway) + "&within=" + chosenWithin(within));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(file.getStatusCode());
        if (file.getStatusCode().is2xxSuccessful()) {
            answer.header(HttpHeaders.CONTENT_TYPE, file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        }
        return answer.body(file.getBody());
    }

    private static String chosenPathway(String pathway) {
        return Vocabulary.CODES.get("pathway").contains(pathway) ? pathway : "AUFENTHG_25B";
    }

    private static String chosenWithin(String within) {
        return WITHIN.contains(within) ? within : "P6M";
    }

    @PostMapping("/aufenthalt")
    public String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("familyName", form.get("familyName"));
        body.put("givenName", form.get("givenName"));
        body.put("fileNumber", form.get("fileNumber"));
        String azrNumber = form.get("azrNumber");
        body.put("azrNumber", azrNumber == null || azrNumber.isBlank() ? null : azrNumber.strip());
        body.put("dateOfBirth", form.get("dateOfBirth"));
        body.put("nationality", form.get("nationality"));
        body.put("entryDate", form.get("entryDate"));
        body.put("minorChildInHousehold", "on".equals(form.get("minorChildInHousehold")));
        Api.Answer answer = api.send(HttpMethod.POST, "/api/residence-records", body);
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", answer.problem());
            return "redirect:/aufenthalt";
        }
        api.awaitChange("/api/residence-records/" + answer.id(), -1);
        return "redirect:/aufenthalt/" + answer.id();
    }

    /** The record, screened as of {@code asOf} (default today): the screening names the day and the rule-set versions. */
    @GetMapping("/aufenthalt/{id}")
    public String record(@PathVariable String id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                         Model model) {
        Api.Answer record = api.get("/api/residence-records/" + id);
        if (!record.ok()) {
            model.addAttribute("error", record.problem());
            return "not-found";
        }
        model.addAttribute("record", api.read("/api/residence-records/" + id));
        model.addAttribute("screening", api.read("/api/residence-records/" + id + "/pathways"
                + (asOf == null ? "" : "?asOf=" + asOf)));
        model.addAttribute("staff", colleagues.officers());
        return "residence-record";
    }

    @PostMapping("/aufenthalt/{id}/status")
    public String status(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", form.get("type"));
        body.put("section", CasesController.blankToNull(form.get("section")));
        body.put("validFrom", form.get("validFrom"));
        body.put("validUntil", CasesController.blankToNull(form.get("validUntil")));
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/statuses", body), redirect);
    }

    @PostMapping("/aufenthalt/{id}/uebergabe")
    public String handOver(@PathVariable String id, @RequestParam String fieldOfAction, @RequestParam String reasonCode,
                           @RequestParam(required = false) String pathway, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fieldOfAction", fieldOfAction);
        body.put("reasonCode", reasonCode);
        body.put("pathway", CasesController.blankToNull(pathway));
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/handover", body), redirect);
    }

    /** An integration achievement the office learnt of itself (those from case management arrive on their own). */
    @PostMapping("/aufenthalt/{id}/erfolge")
    public String achievement(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.get("kind"));
        body.put("level", "LANGUAGE_CERTIFICATE".equals(form.get("kind")) ? CasesController.blankToNull(form.get("level")) : null);
        body.put("achievedOn", form.get("achievedOn"));
        body.put("until", CasesController.blankToNull(form.get("until")));
        body.put("months", CasesController.blankToNull(form.get("months")));
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/achievements", body), redirect);
    }

    @PostMapping("/aufenthalt/{id}/zustaendigkeit")
    public String assignOfficer(@PathVariable String id, @RequestParam String officer, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.PUT, "/api/residence-records/" + id + "/officer",
                Map.of("officer", officer.trim())), redirect);
    }

    /** The officer confirms that the asking case's client is this record's person. */
    @PostMapping("/aufenthalt/{id}/verknuepfungen/{caseId}/bestaetigt")
    public String confirmLink(@PathVariable String id, @PathVariable String caseId, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/case-links/" + caseId
                + "/confirmation", null), redirect);
    }

    /** The officer refuses the link: the case's client is not this record's person. */
    @PostMapping("/aufenthalt/{id}/verknuepfungen/{caseId}/abgelehnt")
    public String refuseLink(@PathVariable String id, @PathVariable String caseId, RedirectAttributes redirect) {
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/case-links/" + caseId
                + "/refusal", null), redirect);
    }

    /** The officer's answer to a status check: the status now goes anyway, a pathway's prospect and a note where given. */
    @PostMapping("/aufenthalt/{id}/statuspruefungen/{checkId}/erledigt")
    public String completeStatusCheck(@PathVariable String id, @PathVariable String checkId,
                                      @RequestParam(required = false) String pathway,
                                      @RequestParam(required = false) String prospect,
                                      @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, String> answer = new java.util.LinkedHashMap<>();
        putGiven(answer, "pathway", pathway);
        putGiven(answer, "prospect", prospect);
        putGiven(answer, "note", note);
        return change(id, () -> api.send(HttpMethod.POST, "/api/residence-records/" + id + "/status-checks/" + checkId
                + "/completion", answer), redirect);
    }

    private static void putGiven(Map<String, String> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    /** Sends a change of the record and shows the record once its read model holds the change. */
    private String change(String id, Supplier<Api.Answer> command, RedirectAttributes redirect) {
        String record = "/api/residence-records/" + id;
        long before = api.version(record);
        Api.Answer answer = command.get();
        if (answer.ok()) {
            api.awaitChange(record, before);
        }
        answer.flash(redirect);
        return "redirect:/aufenthalt/" + id;
    }
}
