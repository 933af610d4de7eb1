package de.kim.immigration.web;

import de.kim.immigration.web.docs.ResidenceRecordApi;
import de.kim.platform.audit.Audited;
import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AnswerCaseLinkCommand;
import de.kim.immigration.api.CloseResidenceRecordCommand;
import de.kim.immigration.api.EraseResidenceRecordCommand;
import de.kim.immigration.api.SetLegalHoldCommand;
import de.kim.immigration.api.HandoverId;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.api.StatusCheckId;
import de.kim.immigration.api.StatusId;
import de.kim.immigration.query.FindExpiringQuery;
import de.kim.immigration.query.FindRecordsOfOfficerQuery;
import de.kim.immigration.query.FindResidenceRecordQuery;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.immigration.screening.PathwayScreener;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.web.RequestActorResolver;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The immigration office's API for residence records: statuses, achievements, pathways, deadlines,
 * hand-overs, the responsible officer, case management's status check requests and the officer's work list.
 */
@RestController
@Audited
@RequestMapping("/api/residence-records")
public class ResidenceRecordController implements ResidenceRecordApi {

    static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";
    private static final int MAX_WINDOW_DAYS = 3650;
    private static final int DEFAULT_WORK_LIST_DAYS = 90;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final PathwayScreener screener;
    private final ScreeningTexts texts;
    private final Clock clock;
    private final RecordListing listing;

    public ResidenceRecordController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors,
                                     PathwayScreener screener, ScreeningTexts texts, Clock clock, RecordListing listing) {
        this.listing = listing;
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.screener = screener;
        this.texts = texts;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreateResidenceRecordRequest request) {
        ResidenceRecordId id = ResidenceRecordId.random();
        commands.sendAndWait(request.toCommand(id));
        return created("/api/residence-records/{id}", id.value());
    }

    @GetMapping("/{id}")
    public ResidenceRecordView get(@PathVariable String id) {
        return find(id);
    }

    @PostMapping("/{id}/statuses")
    public ResponseEntity<Map<String, String>> recordStatus(@PathVariable String id,
                                                            @Valid @RequestBody RecordStatusRequest request) {
        StatusId statusId = StatusId.random();
        commands.sendAndWait(request.toCommand(new ResidenceRecordId(id), statusId));
        return created("/api/residence-records/{id}/statuses/{statusId}", id, statusId.value());
    }

    @GetMapping("/{id}/statuses/{statusId}")
    public ResidenceRecordView.StatusEntry status(@PathVariable String id, @PathVariable String statusId) {
        return entry(find(id).statuses(), ResidenceRecordView.StatusEntry::id, statusId);
    }

    @PostMapping("/{id}/achievements")
    public ResponseEntity<Map<String, String>> recordAchievement(@PathVariable String id,
                                                                 @Valid @RequestBody RecordAchievementRequest request) {
        AchievementId achievementId = AchievementId.random();
        commands.sendAndWait(request.toCommand(new ResidenceRecordId(id), achievementId));
        return created("/api/residence-records/{id}/achievements/{achievementId}", id, achievementId.value());
    }

    @GetMapping("/{id}/achievements/{achievementId}")
    public ResidenceRecordView.AchievementEntry achievement(@PathVariable String id,
                                                            @PathVariable String achievementId) {
        return entry(find(id).achievements(), ResidenceRecordView.AchievementEntry::id, achievementId);
    }

    @PostMapping("/{id}/handover")
    public ResponseEntity<Map<String, String>> handOver(@PathVariable String id,
                                                        @Valid @RequestBody HandoverRequest request) {
        HandoverId handoverId = HandoverId.random();
        commands.sendAndWait(request.toCommand(new ResidenceRecordId(id), handoverId));
        return created("/api/residence-records/{id}/handovers/{handoverId}", id, handoverId.value());
    }

    @GetMapping("/{id}/handovers/{handoverId}")
    public ResidenceRecordView.HandoverEntry handover(@PathVariable String id, @PathVariable String handoverId) {
        return entry(find(id).handovers(), ResidenceRecordView.HandoverEntry::id, handoverId);
    }

    /** Makes an officer responsible for the record; naming the same officer again changes nothing. */
    @PutMapping("/{id}/officer")
    public ResponseEntity<Void> assignOfficer(@PathVariable String id, @Valid @RequestBody AssignOfficerRequest request) {
        commands.sendAndWait(request.toCommand(new ResidenceRecordId(id)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/status-checks/{statusCheckId}")
    public ResidenceRecordView.StatusCheckEntry statusCheck(@PathVariable String id, @PathVariable String statusCheckId) {
        return entry(find(id).statusChecks(), ResidenceRecordView.StatusCheckEntry::id, statusCheckId);
    }

    /**
     * The officer answers the status check case management asked about: the request leaves the
     * work list, and the residence status now, with the prospect and note given, goes to the case.
     */
    @PostMapping("/{id}/status-checks/{statusCheckId}/completion")
    public ResponseEntity<Void> completeStatusCheck(@PathVariable String id, @PathVariable String statusCheckId,
                                                    @Valid @RequestBody(required = false) StatusCheckAnswerRequest answer) {
        commands.sendAndWait((answer == null ? StatusCheckAnswerRequest.NONE : answer)
                .toCommand(new ResidenceRecordId(id), new StatusCheckId(statusCheckId)));
        return ResponseEntity.noContent().build();
    }

    /** The officer confirms that the asking case's client is this record's person: achievements and status checks may come. */
    @PostMapping("/{id}/case-links/{caseId}/confirmation")
    public ResponseEntity<Void> confirmCaseLink(@PathVariable String id, @PathVariable String caseId) {
        commands.sendAndWait(new AnswerCaseLinkCommand(new ResidenceRecordId(id), caseId, true));
        return ResponseEntity.noContent().build();
    }

    /** The officer refuses the link: the case is not this record's person. */
    @PostMapping("/{id}/case-links/{caseId}/refusal")
    public ResponseEntity<Void> refuseCaseLink(@PathVariable String id, @PathVariable String caseId) {
        commands.sendAndWait(new AnswerCaseLinkCommand(new ResidenceRecordId(id), caseId, false));
        return ResponseEntity.noContent().build();
    }

    /**
     * An officer's work list: the deadlines of their records within {@code withinDays} (default 90)
     * and case management's open status check and link requests on them, oldest first.
     */
    @GetMapping("/work-list")
    public WorkList workList(@RequestParam(required = false) String officer,
                             @RequestParam(required = false) Integer withinDays) {
        requireOfficer(officer, true);
        int days = withinDays == null ? DEFAULT_WORK_LIST_DAYS : window("withinDays", withinDays);
        LocalDate today = LocalDate.now(clock);
        List<ExpiringEntry> deadlines = deadlines(today, today.plusDays(days), officer);
        List<WorkList.StatusCheck> checks = new ArrayList<>();
        List<WorkList.LinkRequest> links = new ArrayList<>();
        for (ResidenceRecordView record : queries.query(new FindRecordsOfOfficerQuery(tenant(), officer),
                ResponseTypes.multipleInstancesOf(ResidenceRecordView.class)).join()) {
            record.statusChecks().stream().filter(ResidenceRecordView.StatusCheckEntry::open)
                    .forEach(c -> checks.add(new WorkList.StatusCheck(record.id(), c.id(), c.caseId(), c.requestedOn(),
                            c.requestedOn() == null ? 0 : ChronoUnit.DAYS.between(c.requestedOn(), today),
                            record.identity() == null ? null : record.identity().label())));
            record.caseLinks().stream().filter(ResidenceRecordView.CaseLinkEntry::open)
                    .forEach(l -> links.add(new WorkList.LinkRequest(record.id(), l.caseId(), l.requestedBy(),
                            l.requestedOn())));
        }
        checks.sort(Comparator.comparing(WorkList.StatusCheck::requestedOn,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WorkList.StatusCheck::statusCheckId));
        links.sort(Comparator.comparing(WorkList.LinkRequest::requestedOn).thenComparing(WorkList.LinkRequest::caseId));
        return new WorkList(officer, days, deadlines, checks, links);
    }

    /**
     * The record screened as of {@code asOf} (default today in Europe/Berlin) with the rule-set versions in force
     * that day, computed afresh on every request; nothing is stored. {@code on} is the older name of {@code asOf}.
     */
    @GetMapping("/{id}/pathways")
    public PathwaysResponse pathways(@PathVariable String id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate on) {
        ResidenceRecordView record = find(id);
        if (!record.screenable()) {
            return texts.erased(id, record.erasedOn());
        }
        LocalDate day = asOf != null ? asOf : on != null ? on : LocalDate.now(clock);
        return texts.response(id, screener.screen(record.facts(), day));
    }

    /** Closes the record (naturalised, moved away, …): nothing more is recorded, the retention period starts. */
    @PostMapping("/{id}/closure")
    public ResponseEntity<Void> close(@PathVariable String id, @Valid @RequestBody RecordLifecycleRequests.Closure body) {
        commands.sendAndWait(new CloseResidenceRecordCommand(new ResidenceRecordId(id), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** Puts on or lifts a legal hold: while it lasts, the record is not erased. */
    @PutMapping("/{id}/legal-hold")
    public ResponseEntity<Void> legalHold(@PathVariable String id,
                                          @Valid @RequestBody RecordLifecycleRequests.LegalHold body) {
        commands.sendAndWait(new SetLegalHoldCommand(new ResidenceRecordId(id), body.active(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Erases the record's personal data (Art. 17 GDPR, or retention): its key is shredded; ids,
     * codes and the dates of its process steps stay.
     */
    @PostMapping("/{id}/erasure")
    public ResponseEntity<Void> erase(@PathVariable String id, @Valid @RequestBody RecordLifecycleRequests.Erasure body) {
        commands.sendAndWait(new EraseResidenceRecordCommand(new ResidenceRecordId(id), body.ground(), body.reference()));
        return ResponseEntity.noContent().build();
    }

    /**
     * The records of the Kommune, a page of them ({@link RecordListPage}), filtered and searched. Asked with
     * {@code expiringWithinDays} alone (and perhaps {@code officer}), it answers the older list of deadlines
     * ({@link ExpiringEntry}), soonest first, for the callers that read that shape.
     */
    @Audited(item = "recordId")
    @GetMapping
    public Object list(@RequestParam(required = false) Integer expiringWithinDays,
                       @RequestParam(required = false) String officer,
                       @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                       @RequestParam(required = false) String sort,
                       @RequestParam(required = false) String q,
                       @RequestParam(required = false) ResidenceStatusType statusType,
                       @RequestParam(required = false) Pathway pathway,
                       @RequestParam(required = false) String within) {
        Integer days = expiringWithinDays == null ? null : window("expiringWithinDays", expiringWithinDays);
        requireOfficer(officer, false);
        LocalDate today = LocalDate.now(clock);
        if (days != null && page == null && size == null && sort == null && q == null && statusType == null
                && pathway == null && within == null) {
            return deadlines(today, today.plusDays(days), officer);
        }
        return listing.page(new RecordListing.Request(tenant(), RecordListing.paging(page, size, sort), q, statusType, today,
                days == null ? null : today.plusDays(days), officer, pathway, within));
    }

    private List<ExpiringEntry> deadlines(LocalDate today, LocalDate until, String officer) {
        List<ResidenceRecordView> records = queries.query(new FindExpiringQuery(tenant(), today, until, officer),
                ResponseTypes.multipleInstancesOf(ResidenceRecordView.class)).join();
        List<ExpiringEntry> entries = new ArrayList<>();
        for (ResidenceRecordView record : records) {
            ResidenceRecordView.StatusEntry current = record.statuses().get(record.statuses().size() - 1);
            if (within(record.currentValidUntil(), today, until)) {
                entries.add(new ExpiringEntry(record.id(), ExpiringEntry.Kind.PERMIT_EXPIRY, current.type(),
                        current.legalBasis(), record.currentValidUntil(),
                        ChronoUnit.DAYS.between(today, record.currentValidUntil()), record.officer(),
                        texts.label("deadline", ExpiringEntry.Kind.PERMIT_EXPIRY), texts.label("status", current.type())));
            }
            if (within(record.chancenClockEndsOn(), today, until)) {
                entries.add(new ExpiringEntry(record.id(), ExpiringEntry.Kind.CHANCEN_CLOCK, current.type(),
                        current.legalBasis(), record.chancenClockEndsOn(),
                        ChronoUnit.DAYS.between(today, record.chancenClockEndsOn()), record.officer(),
                        texts.label("deadline", ExpiringEntry.Kind.CHANCEN_CLOCK), texts.label("status", current.type())));
            }
        }
        entries.sort(Comparator.comparing(ExpiringEntry::endsOn));
        return entries;
    }

    private static int window(String field, int days) {
        if (days < 0 || days > MAX_WINDOW_DAYS) {
            throw new InvalidInputException(field, "residence.expiring.days-invalid", MAX_WINDOW_DAYS);
        }
        return days;
    }

    private static void requireOfficer(String officer, boolean required) {
        if (officer == null && required) {
            throw new InvalidInputException("officer", "residence.officer.required");
        }
        if (officer != null && !officer.matches(USER_ID)) {
            throw new InvalidInputException("officer", "residence.officer.invalid");
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate until) {
        return day != null && !day.isBefore(from) && !day.isAfter(until);
    }

    private ResidenceRecordView find(String id) {
        Optional<ResidenceRecordView> record = queries.query(new FindResidenceRecordQuery(tenant(), id),
                ResponseTypes.optionalInstanceOf(ResidenceRecordView.class)).join();
        return record.orElseThrow(() -> new NotFoundException("residence.not-found"));
    }

    private static <T> T entry(List<T> entries, Function<T, String> idOf, String id) {
        return entries.stream().filter(e -> idOf.apply(e).equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("residence.entry-not-found"));
    }

    private String tenant() {
        return actors.require().tenant().value();
    }

    private static ResponseEntity<Map<String, String>> created(String path, String... ids) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand((Object[]) ids)
                .toUri();
        return ResponseEntity.created(location).body(Map.of("id", ids[ids.length - 1]));
    }
}
