package de.kim.cases.web;

import de.kim.cases.web.docs.ConsentApiDocs;
import de.kim.cases.web.docs.PrivacyApiDocs;
import de.kim.cases.api.ConsentId;
import de.kim.cases.api.EntrustedItem;
import de.kim.cases.api.EraseClientCommand;
import de.kim.cases.api.ErasureBlock;
import de.kim.cases.api.MarkEntrustedCommand;
import de.kim.cases.api.RecordConsentCommand;
import de.kim.cases.api.RevokeConsentCommand;
import de.kim.cases.api.SetErasureBlockCommand;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseHistory;
import de.kim.platform.audit.AuditDisclosures;
import de.kim.platform.audit.AuditEntry;
import de.kim.platform.audit.AuditTrail;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.NotFoundException;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.version;

/**
 * The case manager's API for the client's data protection: consents, entrusted items (§ 65 SGB
 * VIII), erasure and what blocks it, and the client's self-disclosure (Art. 15 GDPR).
 */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class DataProtectionController implements ConsentApiDocs, PrivacyApiDocs {

    private final CommandGateway commands;
    private final CaseEndpoints cases;
    private final CaseHistory history;
    private final AuditTrail audit;
    private final AuditDisclosures otherServices;

    public DataProtectionController(CommandGateway commands, CaseEndpoints cases, CaseHistory history,
                                    AuditTrail audit, AuditDisclosures otherServices) {
        this.commands = commands;
        this.cases = cases;
        this.history = history;
        this.audit = audit;
        this.otherServices = otherServices;
    }

    @PostMapping("/{id}/consents")
    public ResponseEntity<Map<String, String>> recordConsent(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                             @Valid @RequestBody CaseRequests.RecordConsent body) {
        ConsentId consentId = ConsentId.random();
        commands.sendAndWait(new RecordConsentCommand(caseId(id), consentId, body.recipient(), body.purposes(),
                body.dataCategories(), body.form(), body.givenOn(), body.validUntil(), body.evidenceReference(),
                version(ifMatch)));
        return created(consentId.value(), "/{id}/consents/{consentId}", id, consentId.value());
    }

    @DeleteMapping("/{id}/consents/{consentId}")
    public ResponseEntity<Void> revokeConsent(@PathVariable String id, @PathVariable String consentId,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new RevokeConsentCommand(caseId(id), new ConsentId(consentId), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /**
     * Marks a need, measure, achievement or contact as entrusted (anvertraut, § 65 SGB VIII): from then on it
     * never leaves case management. {@code kind} is {@code needs}, {@code measures}, {@code achievements} or {@code contacts}.
     */
    @PostMapping("/{id}/{kind:needs|measures|achievements|contacts}/{itemId}/entrusted")
    public ResponseEntity<Void> markEntrusted(@PathVariable String id, @PathVariable String kind,
                                              @PathVariable String itemId,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EntrustedItem item = switch (kind) {
            case "needs" -> EntrustedItem.NEED;
            case "measures" -> EntrustedItem.MEASURE;
            case "contacts" -> EntrustedItem.CONTACT;
            default -> EntrustedItem.ACHIEVEMENT;
        };
        commands.sendAndWait(new MarkEntrustedCommand(caseId(id), item, itemId, version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** Erases the client's personal data (Art. 17 GDPR, or retention); the anonymous facts stay. */
    @PostMapping("/{id}/erasure")
    public ResponseEntity<Void> erase(@PathVariable String id, @Valid @RequestBody CaseRequests.Erasure body) {
        commands.sendAndWait(new EraseClientCommand(caseId(id), body.ground(), body.reference()));
        return ResponseEntity.noContent().build();
    }

    /** Puts on or lifts a legal hold: while it lasts, nothing of the case is erased. */
    @PutMapping("/{id}/legal-hold")
    public ResponseEntity<Void> legalHold(@PathVariable String id, @Valid @RequestBody CaseRequests.ErasureBlockState body) {
        commands.sendAndWait(new SetErasureBlockCommand(caseId(id), ErasureBlock.LEGAL_HOLD, body.active(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** Marks the data disputed by the client (§ 84 SGB X) or lifts it: disputed data is blocked, not erased. */
    @PutMapping("/{id}/dispute")
    public ResponseEntity<Void> dispute(@PathVariable String id, @Valid @RequestBody CaseRequests.ErasureBlockState body) {
        commands.sendAndWait(new SetErasureBlockCommand(caseId(id), ErasureBlock.DISPUTED, body.active(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /**
     * The client's self-disclosure (Art. 15 GDPR): everything case management holds about them
     * (the case file, its history, who accessed it and why) as a JSON file to hand over, with the
     * accesses of the other services to the client's data shared with them: partners' reads of
     * the referrals of the case, the immigration office's of the linked residence record.
     */
    @GetMapping("/{id}/self-disclosure")
    public ResponseEntity<SelfDisclosure> selfDisclosure(@PathVariable String id) {
        CaseFile file = cases.file(id);
        String tenant = cases.tenant();
        List<CaseHistory.Entry> entries = history.of(tenant, id).orElseThrow(() -> new NotFoundException("case.not-found"));
        Map<String, List<AuditEntry>> elsewhere = new LinkedHashMap<>();
        elsewhere.put("partner-service", otherServices.of("partner-service",
                file.referrals.stream().map(CaseFile.Referral::id).distinct().toList()));
        Set<String> records = new LinkedHashSet<>();
        if (file.residenceRecordId != null) {
            records.add(file.residenceRecordId);
        }
        file.statusChecks.stream().map(CaseFile.StatusCheck::residenceRecordId).filter(Objects::nonNull)
                .forEach(records::add);
        elsewhere.put("immigration-office-service", otherServices.of("immigration-office-service", records));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"selbstauskunft-" + id + ".json\"")
                .body(new SelfDisclosure(Instant.now(), file, entries,
                        audit.find(tenant, id, null, null, null, 1000), elsewhere));
    }

    /**
     * What an Art. 15 export holds; {@code otherServices}: the accesses of each other service
     * (by its name) to the client's records there, newest first.
     */
    public record SelfDisclosure(Instant createdAt, CaseFile caseFile, List<CaseHistory.Entry> history,
                                 List<AuditEntry> accesses, Map<String, List<AuditEntry>> otherServices) {
    }
}
