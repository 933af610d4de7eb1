package de.kim.platform.web;

/**
 * A page of a list asked for: {@code number} counts from 0; {@code sort} names a field the list may
 * be sorted by (each list says which). Made from a request by {@link ListPaging}.
 */
public record PageRequest(int number, int size, String sort, boolean descending) {

    /** How many items come before the page. */
    public long offset() {
        return (long) number * size;
    }
}
