package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.util.List;

/**
 * Median and 90th percentile of a number of days, e.g. from opening a case to its first
 * referral. Computed only from as many cases as the suppression threshold: fewer would describe
 * individuals. The number of cases is shown only as "mindestens 5" or "&lt;5": it belongs to no
 * protected table, so as a number it could be subtracted from one.
 */
public record Durations(Cell cases, Double medianDays, Double p90Days) {

    public static Durations of(List<Long> days, int threshold, String enough) {
        if (days.size() < threshold) {
            return new Durations(days.isEmpty() ? Cell.shown(0) : Cell.small(threshold), null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        return new Durations(new Cell(null, enough), percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    /** Linear interpolation between closest ranks, as spreadsheets compute PERCENTILE.INC. */
    static double percentile(List<Long> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    }
}
