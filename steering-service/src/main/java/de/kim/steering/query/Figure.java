package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One figure as the steering group sees it: the total and its groups, with small cells
 * suppressed so that neither a group nor the difference to the total reveals fewer than five.
 */
public record Figure(Cell total, List<Group> groups) {

    /** One group of a figure, e.g. the month {@code 2026-11} or the town Velbert. */
    public record Group(String key, Cell value) {
    }

    /** Counts the facts by the key each one has; a fact without a key counts as {@code UNKNOWN}. */
    public static <T> Figure count(Collection<T> facts, Function<T, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        for (T fact : facts) {
            String k = key.apply(fact);
            counts.merge(k == null ? "UNKNOWN" : k, 1L, Long::sum);
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        List<Cell> cells = SmallCellSuppression.group(keys.stream().map(counts::get).toList());
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            groups.add(new Group(keys.get(i), cells.get(i)));
        }
        return new Figure(Cell.of(facts.size()), groups);
    }
}
