package de.kim.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.Iterator;
import java.util.List;

/**
 * One page of a list: its items, how many there are in all, the page's number (from 0) and its
 * size. The next page is {@code page + 1} while {@code (page + 1) * size < total}. It iterates over
 * its items, so that the audit trail records a read of each record the page shows; on the wire it
 * is the object {@code {items, total, page, size}}, for every paged list of the platform.
 */
@JsonFormat(shape = JsonFormat.Shape.OBJECT)
public record ListPage<T>(List<T> items, long total, int page, int size) implements Iterable<T> {

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
