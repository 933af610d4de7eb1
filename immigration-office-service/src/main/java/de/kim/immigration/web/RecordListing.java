package de.kim.immigration.web;

import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.query.FindRecordsQuery;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.platform.domain.InvalidInputException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The paged list of residence records: reads paging, filters and search, asks the read model for
 * one page and answers it with the status in words.
 */
@Component
class RecordListing {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final QueryGateway queries;
    private final RecordSearch search;
    private final ScreeningTexts texts;

    RecordListing(QueryGateway queries, RecordSearch search, ScreeningTexts texts) {
        this.queries = queries;
        this.search = search;
        this.texts = texts;
    }

    /** What the list is asked for; null where not given. {@code until} ends the expiry window that starts {@code today}. */
    record Request(String tenant, Integer page, Integer size, String q, ResidenceStatusType statusType,
                   LocalDate today, LocalDate until, String officer) {
    }

    RecordListPage page(Request request) {
        int number = request.page() == null ? 0 : request.page();
        int size = request.size() == null ? DEFAULT_SIZE : request.size();
        if (number < 0) {
            throw new InvalidInputException("page", "residence.list.page-invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "residence.list.size-invalid", MAX_SIZE);
        }
        RecordSearch.Terms terms = search.read(request.tenant(), request.q());
        FindRecordsQuery.RecordPage found = queries.query(new FindRecordsQuery(request.tenant(), request.statusType(),
                        request.today(), request.until(), request.officer(), terms.tokens(), terms.fileNumberToken(),
                        number, size), ResponseTypes.instanceOf(FindRecordsQuery.RecordPage.class)).join();
        return new RecordListPage(found.records().stream().map(this::item).toList(), found.total(), number, size);
    }

    private RecordListPage.Item item(ResidenceRecordView record) {
        ResidenceRecordView.Identity who = record.identity();
        return new RecordListPage.Item(record.id(), who == null ? null : who.fileNumber(),
                who == null ? null : who.familyName(), who == null ? null : who.givenName(), record.dateOfBirth(),
                record.currentStatus(), record.currentStatus() == null ? null : texts.label("status", record.currentStatus()),
                record.currentValidUntil(), record.officer(), record.closedOn() != null, record.erased());
    }
}
