package de.kim.immigration.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/**
 * One page of the residence records ({@code GET /api/residence-records}): on the wire the object
 * {@code {items, total, page, size}}; the next page is {@code page + 1} while {@code (page + 1) * size < total}.
 * It iterates over its items, so that the audit trail records a read of each record the page shows.
 */
@JsonFormat(shape = JsonFormat.Shape.OBJECT)
public record RecordListPage(List<Item> items, long total, int page, int size) implements Iterable<RecordListPage.Item> {

    @Override
    public Iterator<Item> iterator() {
        return items.iterator();
    }

    /**
     * One record on the page. Names, Aktenzeichen and date of birth are null once the record is erased
     * ({@code erased}), and the names and Aktenzeichen for records opened before they were asked for.
     *
     * @param fileNumber         the Aktenzeichen of the Ausländerbehörde
     * @param currentStatusLabel the current status in words
     * @param meetsPathwayNow    with the pathway filter only: whether the pathway's screenable requirements are met
     *                           today (otherwise by {@code meetsPathwayBy} if nothing but time changes); else null
     * @param meetsPathwayBy     with the pathway filter only: today, or the end of the period looked ahead; else null
     */
    public record Item(String recordId, String fileNumber, String familyName, String givenName, LocalDate dateOfBirth,
                       ResidenceStatusType currentStatus, String currentStatusLabel, LocalDate currentValidUntil,
                       String officer, boolean closed, boolean erased, Boolean meetsPathwayNow,
                       LocalDate meetsPathwayBy) {
    }
}
