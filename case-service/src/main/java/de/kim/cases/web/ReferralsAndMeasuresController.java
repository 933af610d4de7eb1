package de.kim.cases.web;

import de.kim.cases.web.docs.ReferralApiDocs;
import de.kim.cases.web.docs.MeasureApiDocs;
import de.kim.cases.api.ChangeLegalDomainsCommand;
import de.kim.cases.api.ConfirmMeasureCommand;
import de.kim.cases.api.MakeReferralCommand;
import de.kim.cases.api.MeasureId;
import de.kim.cases.api.MeasureOutcome;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.RecordMeasureCommand;
import de.kim.cases.api.ReferralId;
import de.kim.cases.api.WithdrawMeasureCommand;
import de.kim.cases.api.WithdrawReferralCommand;
import de.kim.platform.audit.Audited;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.location;
import static de.kim.cases.web.CaseEndpoints.version;

/**
 * The case manager's API for the support a client gets: referrals to partners' offers, measures
 * (with the warning against double funding) and the legal domains that fund them.
 */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class ReferralsAndMeasuresController implements ReferralApiDocs, MeasureApiDocs {

    private final CommandGateway commands;

    public ReferralsAndMeasuresController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/referrals")
    public ResponseEntity<Map<String, String>> refer(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                     @Valid @RequestBody CaseRequests.MakeReferral body) {
        ReferralId referralId = ReferralId.random();
        commands.sendAndWait(new MakeReferralCommand(caseId(id), referralId, body.partnerId(), body.offerId(),
                new NeedId(body.needId()), body.note(), version(ifMatch)));
        return created(referralId.value(), "/{id}/referrals/{referralId}", id, referralId.value());
    }

    @PostMapping("/{id}/referrals/{referralId}/withdrawal")
    public ResponseEntity<Void> withdrawReferral(@PathVariable String id, @PathVariable String referralId,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody CaseRequests.Reason body) {
        commands.sendAndWait(new WithdrawReferralCommand(caseId(id), new ReferralId(referralId), body.reason(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/measures")
    public ResponseEntity<Map<String, Object>> recordMeasure(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                             @Valid @RequestBody CaseRequests.RecordMeasure body) {
        MeasureId measureId = MeasureId.random();
        MeasureOutcome outcome = commands.sendAndWait(new RecordMeasureCommand(caseId(id), measureId, body.kind(),
                new NeedId(body.needId()), body.fundedBy(), body.from(), body.to(), body.provider(),
                Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", measureId.value());
        answer.put("status", outcome.awaitingConfirmation() ? "AWAITING_CONFIRMATION" : "ACTIVE");
        answer.put("doubleFundingWith", outcome.doubleFundingWith().stream().map(MeasureId::value).toList());
        return ResponseEntity.created(location("/{id}/measures/{measureId}", id, measureId.value())).body(answer);
    }

    @PostMapping("/{id}/measures/{measureId}/confirmation")
    public ResponseEntity<Void> confirmMeasure(@PathVariable String id, @PathVariable String measureId,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @Valid @RequestBody CaseRequests.ConfirmMeasure body) {
        commands.sendAndWait(new ConfirmMeasureCommand(caseId(id), new MeasureId(measureId), body.justification(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/measures/{measureId}/withdrawal")
    public ResponseEntity<Void> withdrawMeasure(@PathVariable String id, @PathVariable String measureId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody CaseRequests.Reason body) {
        commands.sendAndWait(new WithdrawMeasureCommand(caseId(id), new MeasureId(measureId), body.reason(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/legal-domains")
    public ResponseEntity<Void> changeLegalDomains(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody CaseRequests.ChangeLegalDomains body) {
        commands.sendAndWait(new ChangeLegalDomainsCommand(caseId(id), body.legalDomains(), body.since(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }
}
