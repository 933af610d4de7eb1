package de.kim.immigration.web;

import de.kim.immigration.api.Pathway;
import de.kim.immigration.query.FindScreenableRecordsQuery;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.immigration.query.ScreenableRecords;
import de.kim.immigration.screening.Outcome;
import de.kim.immigration.screening.PathwayScreener;
import de.kim.immigration.screening.PathwayScreening;
import de.kim.immigration.screening.RecordFacts;
import de.kim.immigration.screening.Verdict;
import de.kim.immigration.web.docs.PathwayCandidateApi;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Candidate lists for the officer's work: which open records of the Kommune meet a pathway's requirements on a day,
 * or will meet them within a period if nothing but time changes. It screens each record as the record page does;
 * it never decides.
 */
@RestController
@Audited(item = "recordId")
@RequestMapping("/api/pathway-candidates")
public class PathwayCandidateController implements PathwayCandidateApi {

    static final Period MAX_WITHIN = Period.ofYears(10);
    static final int MAX_SIZE = 200;
    private static final int DEFAULT_SIZE = 50;

    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final PathwayScreener screener;
    private final ScreeningTexts texts;
    private final Clock clock;

    public PathwayCandidateController(QueryGateway queries, RequestActorResolver actors, PathwayScreener screener,
                                      ScreeningTexts texts, Clock clock) {
        this.queries = queries;
        this.actors = actors;
        this.screener = screener;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    public CandidateList candidates(@RequestParam(required = false) Pathway pathway,
                                    @RequestParam(required = false) String within,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate asOf,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        if (pathway == null) {
            throw new InvalidInputException("pathway", "candidates.pathway-required");
        }
        Period window = window(within);
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw new InvalidInputException("page", "candidates.page-invalid");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidInputException("size", "candidates.size-invalid", MAX_SIZE);
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate until = day.plus(window);
        String tenant = actors.require().tenant().value();

        List<CandidateList.Candidate> found = new ArrayList<>();
        String after = null;
        List<ResidenceRecordView> batch;
        do {
            batch = queries.query(new FindScreenableRecordsQuery(tenant, after, ScreenableRecords.MAX_BATCH),
                    ResponseTypes.multipleInstancesOf(ResidenceRecordView.class)).join();
            for (ResidenceRecordView record : batch) {
                candidate(record, pathway, day, until).ifPresent(found::add);
            }
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
        } while (batch.size() == ScreenableRecords.MAX_BATCH);

        found.sort(Comparator.comparing((CandidateList.Candidate c) -> !c.meetsNow())
                .thenComparing(CandidateList.Candidate::recordId));
        int from = (int) Math.min((long) pageNumber * pageSize, found.size());
        int to = Math.min(from + pageSize, found.size());
        return new CandidateList(pathway, texts.label("pathway", pathway), day, window, until, pageNumber, pageSize,
                found.size(), List.copyOf(found.subList(from, to)));
    }

    private Optional<CandidateList.Candidate> candidate(ResidenceRecordView record, Pathway pathway,
                                                                  LocalDate day, LocalDate until) {
        if (!record.screenable() || record.statuses().isEmpty()) {
            return Optional.empty();
        }
        RecordFacts facts = record.facts();
        PathwayScreening now = screener.screen(pathway, facts, day);
        boolean meetsNow = now.verdict() == Verdict.CANDIDATE;
        if (!meetsNow && (until.equals(day)
                || screener.screen(pathway, facts.withCurrentStatusExtended(), until).verdict() != Verdict.CANDIDATE)) {
            return Optional.empty();
        }
        if (now.verdict() == Verdict.NOT_IN_FORCE || now.verdict() == Verdict.OTHER_PROVISION) {
            return Optional.empty();
        }
        PathwaysResponse.PathwayResult words = texts.pathway(now);
        var current = record.statuses().get(record.statuses().size() - 1);
        return Optional.of(new CandidateList.Candidate(record.id(),
                record.identity() == null ? null : record.identity().label(), record.officer(), current.type(),
                texts.label("status", current.type()), meetsNow, meetsNow ? day : until, words.ruleSet(),
                words.requirements().stream().filter(r -> r.outcome() == Outcome.MISSING).toList(),
                words.requirements().stream().filter(r -> r.outcome() == Outcome.TO_CHECK).toList()));
    }

    private static Period window(String within) {
        if (within == null || within.isBlank()) {
            return Period.ZERO;
        }
        try {
            Period period = Period.parse(within);
            if (period.isNegative() || LocalDate.of(2000, 1, 1).plus(period)
                    .isAfter(LocalDate.of(2000, 1, 1).plus(MAX_WITHIN))) {
                throw new InvalidInputException("within", "candidates.within-invalid");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("within", "candidates.within-invalid");
        }
    }
}
