package de.kim.cases.web;

import de.kim.cases.web.docs.*;
import de.kim.platform.audit.AuditDisclosures;
import de.kim.platform.audit.AuditEntry;
import de.kim.platform.audit.AuditTrail;
import de.kim.platform.audit.Audited;
import de.kim.cases.api.*;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseHistory;
import de.kim.cases.query.CaseQueries.FindCaseFileQuery;
import de.kim.cases.query.CaseQueries.FindCasesQuery;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.Actor;
import de.kim.platform.security.Role;
import de.kim.platform.web.RequestActorResolver;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case manager's API: a case from opening to closure. A change may name the version it was
 * made on in {@code If-Match} (the case file's {@code ETag}); a stale one gets 409.
 */
@RestController
@Audited
@RequestMapping("/api/cases")
public class CaseController implements CaseFileApiDocs, ConsentApiDocs, NeedsAndPlanApiDocs, ReferralApiDocs,
        MeasureApiDocs, FollowUpApiDocs, ResidenceApiDocs, PrivacyApiDocs {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final CaseHistory history;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final AuditDisclosures otherServices;

    public CaseController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors,
                          CaseHistory history, AuditTrail audit, MessageSource messages, AuditDisclosures otherServices) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.history = history;
        this.audit = audit;
        this.messages = messages;
        this.otherServices = otherServices;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCaseRequest request) {
        CaseId id = CaseId.random();
        commands.sendAndWait(request.toCommand(id));
        return created(id.value(), "/{id}", id.value());
    }

    @GetMapping
    public List<CaseSummary> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String town,
                                  @RequestParam(required = false) String assignee) {
        if (status != null && !List.of("OPEN", "CLOSED").contains(status)) {
            throw new InvalidInputException("status", "case.status.invalid");
        }
        Actor actor = actors.require();
        String visibleAssignee = actor.has(Role.CASE_MANAGEMENT_LEAD) ? assignee : actor.userId();
        String erasedWord = messages.getMessage("case.erased-text", null, LocaleContextHolder.getLocale());
        return queries.query(new FindCasesQuery(tenant(), status, town, visibleAssignee),
                        ResponseTypes.multipleInstancesOf(CaseFile.class)).join()
                .stream().map(file -> CaseSummary.of(file, erasedWord)).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseFile> get(@PathVariable String id) {
        CaseFile file = file(id);
        return ResponseEntity.ok().eTag("\"" + file.version + "\"").body(file);
    }

    @GetMapping("/{id}/history")
    public List<CaseHistory.Entry> history(@PathVariable String id) {
        file(id);
        return history.of(tenant(), id).orElseThrow(() -> new NotFoundException("case.not-found"));
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

    @PostMapping("/{id}/needs")
    public ResponseEntity<Map<String, String>> assessNeed(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody CaseRequests.AssessNeed body) {
        NeedId needId = NeedId.random();
        commands.sendAndWait(new AssessNeedCommand(caseId(id), needId, body.fieldOfAction(), body.priority(),
                body.description(), Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        return created(needId.value(), "/{id}/needs/{needId}", id, needId.value());
    }

    /**
     * Marks a need, measure or achievement as entrusted (anvertraut, § 65 SGB VIII): from then on it
     * never leaves case management. {@code kind} is {@code needs}, {@code measures} or {@code achievements}.
     */
    @PostMapping("/{id}/{kind:needs|measures|achievements}/{itemId}/entrusted")
    public ResponseEntity<Void> markEntrusted(@PathVariable String id, @PathVariable String kind,
                                              @PathVariable String itemId,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EntrustedItem item = switch (kind) {
            case "needs" -> EntrustedItem.NEED;
            case "measures" -> EntrustedItem.MEASURE;
            default -> EntrustedItem.ACHIEVEMENT;
        };
        commands.sendAndWait(new MarkEntrustedCommand(caseId(id), item, itemId, version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/needs/{needId}")
    public ResponseEntity<Void> updateNeed(@PathVariable String id, @PathVariable String needId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody CaseRequests.UpdateNeed body) {
        commands.sendAndWait(new UpdateNeedCommand(caseId(id), new NeedId(needId), body.priority(), body.description(),
                version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/needs/{needId}/resolution")
    public ResponseEntity<Void> resolveNeed(@PathVariable String id, @PathVariable String needId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new ResolveNeedCommand(caseId(id), new NeedId(needId), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/plan")
    public Map<String, Object> agreePlan(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.AgreePlan body) {
        List<PlannedGoal> goals = body.goals().stream().map(g -> new PlannedGoal(
                g.id() == null ? GoalId.random() : new GoalId(g.id()), g.fieldOfAction(), g.description(),
                g.targetDate())).toList();
        commands.sendAndWait(new AgreeIntegrationPlanCommand(caseId(id), goals, body.agreedOn(), version(ifMatch)));
        return Map.of("goalIds", goals.stream().map(g -> g.goalId().value()).toList());
    }

    @PostMapping("/{id}/plan/goals/{goalId}/achievement")
    public ResponseEntity<Void> achieveGoal(@PathVariable String id, @PathVariable String goalId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody CaseRequests.AchieveGoal body) {
        commands.sendAndWait(new AchieveGoalCommand(caseId(id), new GoalId(goalId), body.achievedOn(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/plan/goals/{goalId}/drop")
    public ResponseEntity<Void> dropGoal(@PathVariable String id, @PathVariable String goalId,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.Reason body) {
        commands.sendAndWait(new DropGoalCommand(caseId(id), new GoalId(goalId), body.reason(), version(ifMatch)));
        return ResponseEntity.noContent().build();
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

    @PostMapping("/{id}/follow-ups")
    public ResponseEntity<Map<String, String>> scheduleFollowUp(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                                @Valid @RequestBody CaseRequests.ScheduleFollowUp body) {
        FollowUpId followUpId = FollowUpId.random();
        commands.sendAndWait(new ScheduleFollowUpCommand(caseId(id), followUpId, body.dueOn(), body.subject(),
                body.assignee(), version(ifMatch)));
        return created(followUpId.value(), "/{id}/follow-ups/{followUpId}", id, followUpId.value());
    }

    @PostMapping("/{id}/follow-ups/{followUpId}/completion")
    public ResponseEntity<Void> completeFollowUp(@PathVariable String id, @PathVariable String followUpId,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new CompleteFollowUpCommand(caseId(id), new FollowUpId(followUpId), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/themes")
    public ResponseEntity<Void> tagTheme(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.TagTheme body) {
        commands.sendAndWait(new TagThemeCommand(caseId(id), body.themeCode(), body.freeText(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/residence-record")
    public ResponseEntity<Void> linkResidenceRecord(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody CaseRequests.LinkResidenceRecord body) {
        commands.sendAndWait(new LinkResidenceRecordCommand(caseId(id), body.residenceRecordId(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/achievements")
    public ResponseEntity<Map<String, Object>> recordAchievement(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                                 @Valid @RequestBody CaseRequests.RecordAchievement body) {
        AchievementId achievementId = AchievementId.random();
        AchievementOutcome outcome = commands.sendAndWait(new RecordAchievementCommand(caseId(id), achievementId,
                body.kind(), body.level(), body.achievedOn(), Boolean.TRUE.equals(body.entrusted()), version(ifMatch)));
        return ResponseEntity.created(location("/{id}/achievements/{achievementId}", id, achievementId.value()))
                .body(Map.of("id", achievementId.value(), "sharedWithImmigrationOffice",
                        outcome.sharedWithImmigrationOffice()));
    }

    /** Asks the immigration office to check the residence status on the linked record (422 without link or consent). */
    @PostMapping("/{id}/status-check")
    public ResponseEntity<Map<String, String>> requestStatusCheck(@PathVariable String id,
                                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        StatusCheckId statusCheckId = StatusCheckId.random();
        commands.sendAndWait(new RequestStatusCheckCommand(caseId(id), statusCheckId, version(ifMatch)));
        return created(statusCheckId.value(), "/{id}/status-checks/{statusCheckId}", id, statusCheckId.value());
    }

    @GetMapping("/{id}/status-checks/{statusCheckId}")
    public CaseFile.StatusCheck statusCheck(@PathVariable String id, @PathVariable String statusCheckId) {
        return file(id).statusChecks.stream().filter(c -> c.id().equals(statusCheckId)).findFirst()
                .orElseThrow(() -> new NotFoundException("case.status-check.not-found"));
    }

    @PostMapping("/{id}/handover")
    public ResponseEntity<Void> handOver(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.HandOver body) {
        commands.sendAndWait(new HandOverCaseCommand(caseId(id), body.toCaseManager(), body.note(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/closure")
    public ResponseEntity<Void> close(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody CaseRequests.Close body) {
        commands.sendAndWait(new CloseCaseCommand(caseId(id), body.outcome(), body.note(), version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reopening")
    public ResponseEntity<Void> reopen(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody CaseRequests.Reason body) {
        commands.sendAndWait(new ReopenCaseCommand(caseId(id), body.reason(), version(ifMatch)));
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
        CaseFile file = file(id);
        List<CaseHistory.Entry> entries = history.of(tenant(), id).orElseThrow(() -> new NotFoundException("case.not-found"));
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
                .body(new SelfDisclosure(java.time.Instant.now(), file, entries,
                        audit.find(tenant(), id, null, null, null, 1000), elsewhere));
    }

    /**
     * What an Art. 15 export holds; {@code otherServices}: the accesses of each other service
     * (by its name) to the client's records there, newest first.
     */
    public record SelfDisclosure(java.time.Instant createdAt, CaseFile caseFile, List<CaseHistory.Entry> history,
                                 List<AuditEntry> accesses, Map<String, List<AuditEntry>> otherServices) {
    }

    private CaseFile file(String id) {
        Optional<CaseFile> file = queries.query(new FindCaseFileQuery(tenant(), id),
                ResponseTypes.optionalInstanceOf(CaseFile.class)).join();
        return file.filter(found -> CaseAccess.mayWork(actors.require(), found.assignee))
                .orElseThrow(() -> new NotFoundException("case.not-found"));
    }

    private String tenant() {
        return actors.require().tenant().value();
    }

    private static CaseId caseId(String id) {
        if (!id.matches(CaseRequests.ID)) {
            throw new NotFoundException("case.not-found");
        }
        return new CaseId(id);
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidInputException("If-Match", "case.version.invalid");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static ResponseEntity<Map<String, String>> created(String id, String path, Object... variables) {
        return ResponseEntity.created(location(path, variables)).body(Map.of("id", id));
    }

    private static URI location(String path, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/cases" + path)
                .buildAndExpand(variables).toUri();
    }
}
