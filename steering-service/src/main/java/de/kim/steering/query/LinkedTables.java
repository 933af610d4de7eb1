package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells of linked tables and the sums that tie them together (a total is the sum of its
 * parts), protected as one: every cell any view of a figure can publish lives here once, so a
 * cell has the same value and the same suppression in every table, filter and export that shows
 * it. Protection: a count from 1 to threshold−1 is suppressed (primary); then, until nothing
 * changes, in every sum a lone suppressed member gets a partner, and where the total is shown
 * the suppressed parts together reach the threshold (secondary: the smallest shown non-zero
 * part, or the total where no part is left). So no count below the threshold follows from one
 * sum, and "nicht ausgewiesen" (total minus the shown parts) is 0 or at least the threshold.
 */
final class LinkedTables {

    private final Map<String, Long> counts = new HashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<String[]> apart = new ArrayList<>();
    private final Set<String> primary = new HashSet<>();
    private final Set<String> secondary = new HashSet<>();
    private final int threshold;

    LinkedTables(int threshold) {
        this.threshold = threshold;
    }

    /** A sum that holds between the cells: total = parts. */
    private record Relation(String total, List<String> parts) {
    }

    static String key(String... coordinates) {
        return String.join("\u001f", coordinates);
    }

    void add(String key, long count) {
        counts.merge(key, count, Long::sum);
    }

    void relate(String total, List<String> parts) {
        if (!parts.isEmpty()) {
            relations.add(new Relation(total, parts));
        }
    }

    /**
     * Two cells that must not both be shown when they differ by less than the threshold: the open
     * cases at two month ends, whose difference is what opened and closed in between.
     */
    void apart(String earlier, String later) {
        apart.add(new String[]{earlier, later});
    }

    long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** Suppresses the small cells and as many others as it takes that no sum gives one of them away. */
    LinkedTables protect() {
        counts.forEach((key, count) -> {
            if (count > 0 && count < threshold) {
                primary.add(key);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation relation : relations) {
                changed |= protect(relation);
            }
            for (String[] pair : apart) {
                long difference = Math.abs(count(pair[0]) - count(pair[1]));
                if (!hidden(pair[0]) && !hidden(pair[1]) && difference > 0 && difference < threshold) {
                    // The earlier one goes: the latest state is what a reader needs most.
                    secondary.add(count(pair[0]) > 0 ? pair[0] : pair[1]);
                    changed = true;
                }
            }
        }
        return this;
    }

    private boolean protect(Relation relation) {
        boolean totalHidden = hidden(relation.total());
        long hiddenParts = relation.parts().stream().filter(this::hidden).count();
        long hiddenSum = relation.parts().stream().filter(this::hidden).mapToLong(this::count).sum();
        boolean lone = (totalHidden ? 1 : 0) + hiddenParts == 1;
        boolean tooSmall = !totalHidden && hiddenSum > 0 && hiddenSum < threshold;
        if (!lone && !tooSmall) {
            return false;
        }
        String partner = relation.parts().stream().filter(p -> !hidden(p) && count(p) > 0)
                .min(Comparator.comparingLong(this::count).thenComparing(Comparator.naturalOrder()))
                .orElse(totalHidden || count(relation.total()) == 0 ? null : relation.total());
        if (partner == null) {
            return false;
        }
        secondary.add(partner);
        return true;
    }

    boolean hidden(String key) {
        return primary.contains(key) || secondary.contains(key);
    }

    /** The cell as published. */
    Cell cell(String key) {
        long count = count(key);
        if (primary.contains(key)) {
            return Cell.small(threshold);
        }
        return secondary.contains(key) ? Cell.withheld() : Cell.shown(count);
    }
}
