package de.kim.cases.web;

import de.kim.cases.api.CaseAccess;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CompleteFollowUpCommand;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.MarkWorkItemDoneCommand;
import de.kim.cases.api.WorkItemKind;
import de.kim.cases.query.WorkBasketItem;
import de.kim.cases.query.WorkBasketQueries.FindWorkBasketQuery;
import de.kim.cases.query.WorkBasketQueries.FindWorkItemQuery;
import de.kim.cases.query.WorkBasketQueries.WorkBasketPage;
import de.kim.cases.web.docs.WorkBasketItemsApiDocs;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.Role;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The case manager's work basket (Arbeitskorb): what is due or new, page by page, each item with its
 * case and a line in words; an item dealt with is marked done and leaves the basket.
 */
@Audited(item = "caseId")
@RestController
public class WorkBasketController implements WorkBasketItemsApiDocs {

    static final int MAX_PAGE_SIZE = 200;
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final RequestActorResolver actors;
    private final MessageSource messages;
    private final Clock clock;

    public WorkBasketController(QueryGateway queries, CommandGateway commands, RequestActorResolver actors,
                                MessageSource messages, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.actors = actors;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One item as a case manager reads it; {@code caseId} for the link only, {@code caseNumber} (the
     * Aktenzeichen, null for a case opened before there were numbers) and {@code caseLabel} to show.
     */
    public record Item(String id, WorkItemKind kind, String caseId, String caseNumber, String caseLabel, String text,
                       LocalDate dueOn, boolean overdue) {
    }

    /** A page of the work basket and how many items it has in all. */
    public record Page(List<Item> items, long total, int page, int size) {
    }

    @GetMapping("/api/work-basket")
    public Page workBasket(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                           @RequestParam(required = false) String assignee) {
        if (page < 0) {
            throw new InvalidInputException("page", "case.page.invalid");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "case.page.size-invalid", MAX_PAGE_SIZE);
        }
        Actor actor = actors.require();
        String whose = assignee != null && actor.has(Role.CASE_MANAGEMENT_LEAD) ? assignee : actor.userId();
        LocalDate today = LocalDate.now(clock);
        WorkBasketPage found = queries.query(new FindWorkBasketQuery(actor.tenant().value(), whose, today, page, size),
                ResponseTypes.instanceOf(WorkBasketPage.class)).join();
        return new Page(found.items().stream().map(e -> item(e.item(), e.caseNumber(), e.clientName(), e.subject(), today)).toList(),
                found.total(), page, size);
    }

    @PostMapping("/api/work-basket/{itemId}/done")
    public ResponseEntity<Void> done(@PathVariable String itemId) {
        Actor actor = actors.require();
        WorkBasketItem item = queries.query(new FindWorkItemQuery(actor.tenant().value(), itemId),
                        ResponseTypes.optionalInstanceOf(WorkBasketItem.class)).join()
                .filter(found -> CaseAccess.mayWork(actor, found.assignee()))
                .orElseThrow(() -> new NotFoundException("case.work-item.not-found"));
        CaseId caseId = new CaseId(item.caseId());
        commands.sendAndWait(item.kind() == WorkItemKind.FOLLOW_UP
                ? new CompleteFollowUpCommand(caseId, new FollowUpId(item.detail()), null)
                : new MarkWorkItemDoneCommand(caseId, item.id()));
        return ResponseEntity.noContent().build();
    }

    private Item item(WorkBasketItem item, String caseNumber, String clientName, String subject, LocalDate today) {
        String key = "work-basket." + item.kind() + (item.kind() == WorkItemKind.REFERRAL_ANSWER ? "." + item.detail() : "");
        String text = messages.getMessage(key, new Object[]{item.dueOn() == null ? "" : GERMAN_DATE.format(item.dueOn()),
                subject == null ? "" : subject}, LocaleContextHolder.getLocale());
        String label = clientName != null ? clientName
                : messages.getMessage("work-basket.case-without-name", null, LocaleContextHolder.getLocale());
        boolean overdue = item.kind() == WorkItemKind.FOLLOW_UP && item.dueOn() != null && item.dueOn().isBefore(today);
        return new Item(item.id(), item.kind(), item.caseId(), caseNumber, label, text.strip(), item.dueOn(), overdue);
    }
}
