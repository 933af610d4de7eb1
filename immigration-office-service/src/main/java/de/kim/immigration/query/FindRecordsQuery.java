package de.kim.immigration.query;

import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of a tenant's residence records that match every filter given (null: not filtered).
 *
 * @param expiringUntil  only records whose current permit or § 104c clock ends between {@code today} and this day
 * @param tokens         blind-index tokens the record must all hold (name prefixes, date of birth)
 * @param fileNumberToken the token of a whole Aktenzeichen: a record holding it matches too (or-ed with {@code tokens})
 * @param sortField      the document field the records are sorted by (ties by id)
 * @param page           from 0
 */
public record FindRecordsQuery(String tenant, ResidenceStatusType statusType, LocalDate today, LocalDate expiringUntil,
                               String officer, List<String> tokens, String fileNumberToken, String sortField,
                               boolean descending, int page, int size) {

    public FindRecordsQuery {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /** A page of records and how many match in all. */
    public record RecordPage(List<ResidenceRecordView> records, long total) {
    }
}
