package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.util.List;

/**
 * Median and 90th percentile of a number of days, e.g. from opening a case to its first
 * referral. Computed only from five cases on: fewer would describe individuals.
 */
public record Durations(Cell cases, Double medianDays, Double p90Days) {

    public static Durations of(List<Long> days) {
        Cell cases = Cell.of(days.size());
        if (days.size() < SmallCellSuppression.THRESHOLD) {
            return new Durations(cases, null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        return new Durations(cases, percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    /** Linear interpolation between closest ranks, as spreadsheets compute PERCENTILE.INC. */
    static double percentile(List<Long> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    }
}
