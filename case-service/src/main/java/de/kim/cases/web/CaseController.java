package de.kim.cases.web;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.CloseCaseCommand;
import de.kim.cases.api.CompleteFollowUpCommand;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.HandOverCaseCommand;
import de.kim.cases.api.ReopenCaseCommand;
import de.kim.cases.api.ScheduleFollowUpCommand;
import de.kim.cases.api.TagThemeCommand;
import de.kim.cases.web.docs.CaseFileApiDocs;
import de.kim.cases.web.docs.FollowUpApiDocs;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseHistory;
import de.kim.cases.query.CaseQueries.FindCasesQuery;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.Role;
import de.kim.platform.web.RequestActorResolver;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

import static de.kim.cases.web.CaseEndpoints.caseId;
import static de.kim.cases.web.CaseEndpoints.created;
import static de.kim.cases.web.CaseEndpoints.version;

/**
 * The case manager's API for a case as a whole, from opening to closure: the list, the case file
 * and its history, follow-ups, themes, hand-over, closure and reopening. The other topics have
 * controllers of their own under the same path. A change may name the version it was made on in
 * {@code If-Match} (the case file's {@code ETag}); a stale one gets 409.
 */
@RestController
@Audited
@RequestMapping(CaseEndpoints.BASE)
public class CaseController implements CaseFileApiDocs, FollowUpApiDocs {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final CaseEndpoints cases;
    private final CaseHistory history;
    private final MessageSource messages;

    public CaseController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors,
                          CaseEndpoints cases, CaseHistory history, MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.cases = cases;
        this.history = history;
        this.messages = messages;
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
        return queries.query(new FindCasesQuery(cases.tenant(), status, town, visibleAssignee),
                        ResponseTypes.multipleInstancesOf(CaseFile.class)).join()
                .stream().map(file -> CaseSummary.of(file, erasedWord)).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseFile> get(@PathVariable String id) {
        CaseFile file = cases.file(id);
        return ResponseEntity.ok().eTag("\"" + file.version + "\"").body(file);
    }

    @GetMapping("/{id}/history")
    public List<CaseHistory.Entry> history(@PathVariable String id) {
        cases.file(id);
        return history.of(cases.tenant(), id).orElseThrow(() -> new NotFoundException("case.not-found"));
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
}
