package de.kim.platform.web;

import de.kim.platform.domain.InvalidInputException;

import java.util.List;

/**
 * Reads the paging parameters of a list: {@code page} (from 0), {@code size} (1 to {@value #MAX_SIZE},
 * {@value #DEFAULT_SIZE} if not given) and {@code sort} ({@code field} or {@code field,asc|desc}, from
 * the fields the list names). A bad one is a 400 problem naming it, in German (or English): every
 * paged list of the platform reads its parameters alike.
 */
public final class ListPaging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Far beyond any real list; it keeps the offset a database skips within reason. */
    public static final int MAX_PAGE = 100_000;

    private ListPaging() {
    }

    /** The paging of a list in an order of its own, which takes no {@code sort} (its {@code sort} is null). */
    public static PageRequest of(String page, String size) {
        return new PageRequest(pageNumber(page), pageSize(size), null, false);
    }

    /** @param sortable the fields the list sorts by, the default first (with its default direction) */
    public static PageRequest of(String page, String size, String sort, List<String> sortable, boolean descendingByDefault) {
        int number = pageNumber(page);
        int pageSize = pageSize(size);
        if (sort == null || sort.isBlank()) {
            return new PageRequest(number, pageSize, sortable.get(0), descendingByDefault);
        }
        String[] parts = sort.trim().split("\\s*,\\s*", -1);
        boolean known = sortable.contains(parts[0]) && parts.length <= 2
                && (parts.length == 1 || parts[1].equalsIgnoreCase("asc") || parts[1].equalsIgnoreCase("desc"));
        if (!known) {
            throw new InvalidInputException("sort", "list.sort.invalid", String.join(", ", sortable));
        }
        return new PageRequest(number, pageSize, parts[0], parts.length == 2 && parts[1].equalsIgnoreCase("desc"));
    }

    private static int pageNumber(String page) {
        return number(page, 0, 0, MAX_PAGE, "page", "list.page.invalid", MAX_PAGE);
    }

    private static int pageSize(String size) {
        return number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", "list.size.invalid", MAX_SIZE);
    }

    private static int number(String text, int absent, int min, int max, String field, String messageKey, int shownMax) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException(field, messageKey, shownMax);
    }
}
