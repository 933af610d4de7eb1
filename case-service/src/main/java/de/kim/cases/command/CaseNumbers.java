package de.kim.cases.command;

/**
 * Gives each new case its Aktenzeichen: {@code KIM-<year>-<sequence>}, the sequence counted per
 * tenant and year. A number is never given twice in a tenant; one given to an opening that then
 * failed stays unused (a gap, never a duplicate). The web layer takes it before it sends the
 * opening command, outside any transaction: inside the command's transaction, which holds a
 * connection, the counter's own transaction would need a second connection of the same pool, and
 * as many concurrent openings as the pool has connections would wait for each other for good.
 */
public interface CaseNumbers {

    /** The next number of the tenant in the year the case is opened. */
    String next(String tenant, int year);

    /** The Aktenzeichen of a sequence number; five digits at least, so that they sort as they count. */
    static String format(int year, long sequence) {
        return "KIM-%d-%05d".formatted(year, sequence);
    }
}
