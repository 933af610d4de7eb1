package de.kim.steering.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule that keeps figures anonymous: a count from 1 to 4 is shown as "&lt;5". When a group
 * that is shown with its total has exactly one such cell, a second cell (the smallest other
 * non-zero one) is suppressed too, so the first cannot be recovered by subtracting.
 */
public final class SmallCellSuppression {

    public static final int THRESHOLD = 5;
    public static final String SUPPRESSED = "<5";

    private SmallCellSuppression() {
    }

    /** A figure as shown: the count, or none where it is suppressed. */
    public record Cell(Long count, String display) {
        public static Cell of(long count) {
            return count > 0 && count < THRESHOLD ? new Cell(null, SUPPRESSED) : new Cell(count, String.valueOf(count));
        }

        private static Cell hidden() {
            return new Cell(null, SUPPRESSED);
        }

        public boolean suppressed() {
            return count == null;
        }
    }

    /** Suppresses the cells of one group whose total is published beside them. */
    public static List<Cell> group(List<Long> counts) {
        List<Cell> cells = new ArrayList<>(counts.stream().map(Cell::of).toList());
        long primary = cells.stream().filter(Cell::suppressed).count();
        if (primary == 1) {
            IntStream.range(0, counts.size())
                    .filter(i -> !cells.get(i).suppressed() && counts.get(i) > 0)
                    .boxed()
                    .min(Comparator.comparing(counts::get))
                    .ifPresent(i -> cells.set(i, Cell.hidden()));
        }
        return cells;
    }
}
