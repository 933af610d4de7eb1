package de.kim.cases.web;

import de.kim.cases.command.CaseNumbers;
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
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.query.CaseQueries.CaseFilePage;
import de.kim.cases.query.CaseQueries.CaseFilter;
import de.kim.cases.query.CaseQueries.FindCasesQuery;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.Role;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The history's one order: newest first. */
    /** What the case list sorts by, the default first: the newest case leads. Names are sealed and sort nowhere. */
    static final List<String> SORTABLE = List.of("openedOn", "caseNumber", "status", "town", "targetGroup");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final CaseEndpoints cases;
    private final CaseHistory history;
    private final MessageSource messages;
    private final CaseSearch search;
    private final DuplicateCases duplicates;
    private final CaseNumbers numbers;
    private final Clock clock;

    public CaseController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors,
                          CaseEndpoints cases, CaseHistory history, MessageSource messages, CaseSearch search,
                          DuplicateCases duplicates,
                          CaseNumbers numbers, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.cases = cases;
        this.history = history;
        this.messages = messages;
        this.search = search;
        this.duplicates = duplicates;
        this.numbers = numbers;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<?> open(@Valid @RequestBody OpenCaseRequest request,
                                  @RequestParam(required = false) boolean confirmDuplicate) {
        if (!confirmDuplicate && !Boolean.TRUE.equals(request.confirmDuplicate())) {
            Optional<ProblemDetail> duplicate = duplicates.warning(actors.require(), request.client());
            if (duplicate.isPresent()) {
                return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(duplicate.get());
            }
        }
        CaseId id = CaseId.random();
        // Taken before the command, outside its transaction: see CaseNumbers.
        String number = numbers.next(actors.require().tenant().value(), LocalDate.now(clock).getYear());
        commands.sendAndWait(request.toCommand(id, number));
        return created(id.value(), "/{id}", id.value());
    }

    @GetMapping
    public ListPage<CaseSummary> list(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) String town,
                                      @RequestParam(required = false) String assignee,
                                      @RequestParam(required = false) String targetGroup,
                                      @RequestParam(required = false) String followUpDueBy,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String page,
                                      @RequestParam(required = false) String size,
                                      @RequestParam(required = false) String sort) {
        PageRequest paging = ListPaging.of(page, size, sort, SORTABLE, true);
        Actor actor = actors.require();
        String visibleAssignee = actor.has(Role.CASE_MANAGEMENT_LEAD) ? assignee : actor.userId();
        CaseSearch.Terms terms = search.read(cases.tenant(), q);
        CaseFilter filter = new CaseFilter(status(status), blankToNull(town), blankToNull(visibleAssignee),
                targetGroup(targetGroup), day(followUpDueBy), terms.caseNumber(), terms.tokens());
        CaseFilePage found = queries.query(new FindCasesQuery(cases.tenant(), filter, paging),
                ResponseTypes.instanceOf(CaseFilePage.class)).join();
        String erasedWord = messages.getMessage("case.erased-text", null, LocaleContextHolder.getLocale());
        return new ListPage<>(found.files().stream().map(file -> CaseSummary.of(file, erasedWord)).toList(),
                found.total(), paging.number(), paging.size());
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseFile> get(@PathVariable String id) {
        CaseFile file = cases.file(id);
        return ResponseEntity.ok().eTag("\"" + file.version + "\"").body(file);
    }

    /** The history, newest first, a page at a time ({@code page} from 0, {@code size} 1 to 200, 50 if not given). */
    @GetMapping("/{id}/history")
    public ListPage<CaseHistory.Entry> history(@PathVariable String id, @RequestParam(required = false) String page,
                                               @RequestParam(required = false) String size) {
        PageRequest paging = ListPaging.of(page, size);
        CaseFile head = cases.head(id);
        CaseHistory.Page found = history.page(cases.tenant(), id, head, paging.number(), paging.size())
                .orElseThrow(() -> new NotFoundException("case.not-found"));
        return new ListPage<>(found.items(), found.total(), paging.number(), paging.size());
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

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!List.of("OPEN", "CLOSED").contains(status)) {
            throw new InvalidInputException("status", "case.status.invalid");
        }
        return status;
    }

    private static TargetGroup targetGroup(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(TargetGroup.values()).filter(group -> group.name().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("targetGroup", "case.target-group.invalid"));
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException notADay) {
            throw new InvalidInputException("followUpDueBy", "case.follow-up-due-by.invalid");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
