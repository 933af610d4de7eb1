package de.kim.cases.command;

/**
 * Gives each new case its Aktenzeichen: {@code KIM-<year>-<sequence>}, the sequence counted per
 * tenant and year. A number is never given twice in a tenant; one given to an opening that then
 * failed stays unused (a gap, never a duplicate).
 */
public interface CaseNumbers {

    /** The next number of the tenant in the year the case is opened. */
    String next(String tenant, int year);

    /** The Aktenzeichen of a sequence number; five digits at least, so that they sort as they count. */
    static String format(int year, long sequence) {
        return "KIM-%d-%05d".formatted(year, sequence);
    }
}
