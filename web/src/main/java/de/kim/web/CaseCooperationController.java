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

    private final Api api;
    private final CaseChanges changes;

    public CaseCooperationController(Api api, CaseChanges changes) {
        this.api = api;
        this.changes = changes;
    }

    @PostMapping("/faelle/{id}/einwilligungen")
    public String consent(@PathVariable String id, @RequestParam String recipient, @RequestParam List<String> purposes,
                          @RequestParam List<String> dataCategories, @RequestParam String validUntil,
                          @RequestParam(required = false) String evidenceReference, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient);
        body.put("purposes", purposes);
        body.put("dataCategories", dataCategories);
        body.put("form", "WRITTEN");
        body.put("givenOn", LocalDate.now().toString());
        body.put("validUntil", validUntil);
        body.put("evidenceReference", blankToNull(evidenceReference));
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/consents", body), redirect);
    }

    @PostMapping("/faelle/{id}/einwilligungen/{consentId}/widerruf")
    public String revoke(@PathVariable String id, @PathVariable String consentId, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.DELETE, "/api/cases/" + id + "/consents/" + consentId, null), redirect);
    }

    @PostMapping("/faelle/{id}/verweisungen")
    public String refer(@PathVariable String id, @RequestParam String needId, @RequestParam String partnerId,
                        @RequestParam String offerId, RedirectAttributes redirect) {
        return changes.apply(id, () -> api.send(HttpMethod.POST, "/api/cases/" + id + "/referrals",
                Map.of("needId", needId, "partnerId", partnerId, "offerId", offerId)), redirect);
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
