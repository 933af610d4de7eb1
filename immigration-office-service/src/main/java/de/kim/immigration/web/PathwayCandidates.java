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
import de.kim.platform.domain.InvalidInputException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may qualify for a pathway: screens each open record of the Kommune as of a day with the rules in force then,
 * and keeps those that meet the pathway's requirements on the day, or will by the end of a period if their current
 * status is extended and nothing but time changes. Computed afresh on every call, never stored. The candidate list,
 * its files and the record list's pathway filter all ask here, so they agree.
 */
@Component
class PathwayCandidates {

    static final Period MAX_WITHIN = Period.ofYears(10);

    private final QueryGateway queries;
    private final PathwayScreener screener;
    private final ScreeningTexts texts;

    PathwayCandidates(QueryGateway queries, PathwayScreener screener, ScreeningTexts texts) {
        this.queries = queries;
        this.screener = screener;
        this.texts = texts;
    }

    /** Every candidate of the tenant, those who meet the requirements on {@code day} first, then by record id. */
    List<CandidateList.Candidate> all(String tenant, Pathway pathway, LocalDate day, LocalDate until) {
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
        return found;
    }

    /** The record as a candidate, if it is one: open, screenable, meeting the requirements on the day or by {@code until}. */
    Optional<CandidateList.Candidate> candidate(ResidenceRecordView record, Pathway pathway, LocalDate day,
                                                LocalDate until) {
        if (!record.screenable() || record.closedOn() != null || record.statuses().isEmpty()) {
            return Optional.empty();
        }
        RecordFacts facts = record.facts();
        PathwayScreening now = screener.screen(pathway, facts, day);
        if (now.verdict() == Verdict.NOT_IN_FORCE || now.verdict() == Verdict.OTHER_PROVISION) {
            return Optional.empty();
        }
        boolean meetsNow = now.verdict() == Verdict.CANDIDATE;
        if (!meetsNow && (until.equals(day)
                || screener.screen(pathway, facts.withCurrentStatusExtended(), until).verdict() != Verdict.CANDIDATE)) {
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

    /** The period {@code within} (ISO 8601, e.g. {@code P6M}); none is no period. */
    static Period window(String within) {
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
