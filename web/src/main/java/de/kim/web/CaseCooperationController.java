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
 * The case file's cooperation with others: consents, referrals to network partners, and the
 * link to the immigration office (residence record, achievements it may learn of, status checks).
 */
@Controller
public class CaseCooperationController {

    /** The consent form's fields the service may refuse, as the API names them. */
    static final List<String> CONSENT_FIELDS = List.of("recipient", "purposes", "dataCategories", "givenOn",
            "validUntil", "evidenceReference");

    private final Api api;
    private final CaseChanges changes;

    public CaseCooperationController(Api api, CaseChanges changes) {
        this.api = api;
        this.changes = changes;
    }

    /** Nothing chosen, or a day left empty, goes to the service as such: its problem names the field. */
    @PostMapping("/faelle/{id}/einwilligungen")
    public String consent(@PathVariable String id, @RequestParam Map<String, String> form,
                          @RequestParam(required = false) List<String> purposes,
                          @RequestParam(required = false) List<String> dataCategories, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", blankToNull(form.get("recipient")));
        body.put("purposes", purposes == null ? List.of() : purposes);
        body.put("dataCategories", dataCategories == null ? List.of() : dataCategories);
        body.put("form", "WRITTEN");
        body.put("givenOn", LocalDate.now().toString());
        body.put("validUntil", blankToNull(form.get("validUntil")));
        body.put("evidenceReference", blankToNull(form.get("evidenceReference")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/consents", body), redirect,
                "add-consent", CONSENT_FIELDS);
    }

    @PostMapping("/faelle/{id}/einwilligungen/{consentId}/widerruf")
    public String revoke(@PathVariable String id, @PathVariable String consentId, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.DELETE, "/api/cases/" + id + "/consents/" + consentId, null), redirect);
    }

    /** A referral to an offer the search found; a request without one is the service's problem, not a bare 400. */
    @PostMapping("/faelle/{id}/verweisungen")
    public String refer(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needId", blankToNull(form.get("needId")));
        body.put("partnerId", blankToNull(form.get("partnerId")));
        body.put("offerId", blankToNull(form.get("offerId")));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/referrals", body), redirect);
    }

    @PostMapping("/faelle/{id}/verweisungen/{referralId}/rueckzug")
    public String withdrawReferral(@PathVariable String id, @PathVariable String referralId, @RequestParam String reason,
                                   RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/referrals/" + referralId
                + "/withdrawal", Map.of("reason", reason)), redirect);
    }

    @PostMapping("/faelle/{id}/aufenthaltsakte")
    public String linkResidenceRecord(@PathVariable String id, @RequestParam String residenceRecordId,
                                      RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.PUT, "/api/cases/" + id + "/residence-record",
                Map.of("residenceRecordId", residenceRecordId.trim())), redirect);
    }

    /** An achievement; case-service passes it to the immigration office where the client consented. */
    @PostMapping("/faelle/{id}/erfolge")
    public String achievement(@PathVariable String id, @RequestParam String kind,
                              @RequestParam(required = false) String level, @RequestParam String achievedOn,
                              @RequestParam(defaultValue = "false") boolean entrusted, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("level", "LANGUAGE_CERTIFICATE".equals(kind) ? blankToNull(level) : null);
        body.put("achievedOn", achievedOn);
        body.put("entrusted", entrusted);
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/achievements", body), redirect);
    }

    @PostMapping("/faelle/{id}/statuspruefung")
    public String requestStatusCheck(@PathVariable String id, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/status-check", null), redirect);
    }
}
