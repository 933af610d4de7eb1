package de.kim.immigration.web;

import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.query.FindRecordsQuery;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paged list of residence records: reads paging, filters and search, asks the read model for
 * one page and answers it with the status in words. The pathway filter keeps the records whose
 * screening as of today meets the pathway's requirements, or will by the end of the period
 * ({@code within}, default six months) if nothing but time changes: the same screening, computed
 * afresh, as the candidate list's ({@link PathwayCandidates}); the other filters narrow the records
 * screened, and the page is cut from the records that pass.
 */
@Component
class RecordListing {

    /** What the list sorts by ({@code sort}), the default first. */
    static final List<String> SORTABLE = List.of("fileNumber", "validUntil", "familyName");
    /** The document field each order reads. */
    private static final Map<String, String> SORT_FIELDS = Map.of("fileNumber", "identity.fileNumber",
            "validUntil", "currentValidUntil", "familyName", "identity.familyName");
    /** How far ahead the pathway filter looks when no {@code within} is given: "met or nearly met". */
    static final Period DEFAULT_WITHIN = Period.ofMonths(6);
    /** Records read from the read model at a time while the pathway filter screens them. */
    private static final int SCREENING_BATCH = 500;

    private final QueryGateway queries;
    private final RecordSearch search;
    private final ScreeningTexts texts;
    private final PathwayCandidates candidates;

    RecordListing(QueryGateway queries, RecordSearch search, ScreeningTexts texts, PathwayCandidates candidates) {
        this.queries = queries;
        this.search = search;
        this.texts = texts;
        this.candidates = candidates;
    }

    /** What the list is asked for; null where not given. {@code until} ends the expiry window that starts {@code today}. */
    record Request(String tenant, PageRequest paging, String q, ResidenceStatusType statusType,
                   LocalDate today, LocalDate until, String officer, Pathway pathway, String within) {
    }

    /** Reads the list's paging and order ({@code page}, {@code size}, {@code sort}) as every paged list does. */
    static PageRequest paging(String page, String size, String sort) {
        return ListPaging.of(page, size, sort, SORTABLE, false);
    }

    RecordListPage page(Request request) {
        int number = request.paging().number();
        int size = request.paging().size();
        RecordSearch.Terms terms = search.read(request.tenant(), request.q());
        if (request.pathway() != null) {
            return byPathway(request, terms, number, size);
        }
        if (request.within() != null) {
            throw new InvalidInputException("within", "residence.list.within-without-pathway");
        }
        FindRecordsQuery.RecordPage found = queries.query(query(request, terms, number, size),
                ResponseTypes.instanceOf(FindRecordsQuery.RecordPage.class)).join();
        return new RecordListPage(found.records().stream().map(record -> item(record, null)).toList(), found.total(),
                number, size);
    }

    private RecordListPage byPathway(Request request, RecordSearch.Terms terms, int number, int size) {
        LocalDate until = request.today().plus(request.within() == null ? DEFAULT_WITHIN
                : PathwayCandidates.window(request.within()));
        List<RecordListPage.Item> passed = new ArrayList<>();
        List<ResidenceRecordView> batch;
        int batchNumber = 0;
        do {
            batch = queries.query(query(request, terms, batchNumber++, SCREENING_BATCH),
                    ResponseTypes.instanceOf(FindRecordsQuery.RecordPage.class)).join().records();
            for (ResidenceRecordView record : batch) {
                Optional<CandidateList.Candidate> candidate =
                        candidates.candidate(record, request.pathway(), request.today(), until);
                candidate.ifPresent(c -> passed.add(item(record, c)));
            }
        } while (batch.size() == SCREENING_BATCH);
        int from = (int) Math.min((long) number * size, passed.size());
        return new RecordListPage(List.copyOf(passed.subList(from, Math.min(from + size, passed.size()))),
                passed.size(), number, size);
    }

    private static FindRecordsQuery query(Request request, RecordSearch.Terms terms, int page, int size) {
        return new FindRecordsQuery(request.tenant(), request.statusType(), request.today(), request.until(),
                request.officer(), terms.tokens(), terms.fileNumberToken(), SORT_FIELDS.get(request.paging().sort()),
                request.paging().descending(), page, size);
    }

    private RecordListPage.Item item(ResidenceRecordView record, CandidateList.Candidate candidate) {
        ResidenceRecordView.Identity who = record.identity();
        return new RecordListPage.Item(record.id(), who == null ? null : who.fileNumber(),
                who == null ? null : who.familyName(), who == null ? null : who.givenName(), record.dateOfBirth(),
                record.currentStatus(), record.currentStatus() == null ? null : texts.label("status", record.currentStatus()),
                record.currentValidUntil(), record.officer(), record.closedOn() != null, record.erased(),
                candidate == null ? null : candidate.meetsNow(), candidate == null ? null : candidate.meetsBy());
    }
}
