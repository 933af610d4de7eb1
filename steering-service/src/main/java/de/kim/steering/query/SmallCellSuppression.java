package de.kim.steering.query;

/**
 * How a count is shown: the number, "&lt;5" where it is below the threshold (primary
 * suppression), "x" where it is withheld so that a small one cannot be computed from it
 * (secondary suppression, see {@link LinkedTables}). The threshold is
 * {@code kim.steering.suppression-threshold} (default 5).
 */
public final class SmallCellSuppression {

    public static final int THRESHOLD = 5;
    public static final String WITHHELD = "x";

    private SmallCellSuppression() {
    }

    /**
     * A figure as shown: the count, or none where it is suppressed.
     *
     * @param display what a reader sees: the number, "&lt;5" or "x"
     */
    public record Cell(Long count, String display) {

        /** A count on its own, with nothing it could be subtracted from. */
        public static Cell of(long count) {
            return of(count, THRESHOLD);
        }

        public static Cell of(long count, int threshold) {
            return count > 0 && count < threshold ? small(threshold) : shown(count);
        }

        public static Cell shown(long count) {
            return new Cell(count, String.valueOf(count));
        }

        public static Cell small(int threshold) {
            return new Cell(null, "<" + threshold);
        }

        public static Cell withheld() {
            return new Cell(null, WITHHELD);
        }

        public boolean suppressed() {
            return count == null;
        }
    }
}
