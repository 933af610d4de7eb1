package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure as the steering group sees it: the total and its groups, each with a label in
 * words. Where a group is suppressed, a last group "nicht ausgewiesen" ({@code SUPPRESSED})
 * holds the rest, so the groups always add up to the total; it is itself withheld where the
 * total is.
 */
public record Figure(Cell total, List<Group> groups) {

    public static final String SUPPRESSED = "SUPPRESSED";

    /** One group of a figure, e.g. the month {@code 2026-11} ("November 2026") or the town Velbert. */
    public record Group(String key, String label, Cell value) {
    }

    /**
     * A view of a cube: the total of one town (or of all where {@code town} is null) in a period,
     * grouped by one of the cube's dimensions, by {@code TOWN}, by {@code MONTH}, or not at all
     * ({@code dimension} null or not one of the cube's; a stock by month neither).
     *
     * @param until the last month a stock can be counted for (the current one); ignored for a flow
     */
    static Figure of(FigureCube cube, String town, String dimension, ReportingPeriod period, YearMonth until,
                     FigureLabels labels) {
        String node = cube.flow() ? period.node() : stockMonth(period.last(), until).toString();
        Cell total = cube.cell(town, FigureCube.ALL, FigureCube.ALL, node);
        List<Group> groups = new ArrayList<>();
        if ("TOWN".equals(dimension)) {
            for (String t : town == null ? cube.towns() : java.util.Set.of(town)) {
                add(groups, cube, t, FigureCube.ALL, FigureCube.ALL, node, labels.of("TOWN", t));
            }
        } else if ("MONTH".equals(dimension) && cube.flow()) {
            // A stock has no groups by month: open cases at month ends do not add up to those at the period's end.
            for (YearMonth m : period.months()) {
                add(groups, cube, town, FigureCube.ALL, FigureCube.ALL, m.toString(), labels.of("MONTH", m.toString()),
                        m.toString());
            }
        } else if (dimension != null) {
            for (String g : cube.groups(dimension)) {
                add(groups, cube, town, dimension, g, node, labels.of(dimension, g));
            }
        }
        if (groups.stream().anyMatch(g -> g.value().suppressed())) {
            long shown = groups.stream().filter(g -> !g.value().suppressed()).mapToLong(g -> g.value().count()).sum();
            groups.add(new Group(SUPPRESSED, labels.of("", SUPPRESSED),
                    total.suppressed() ? Cell.withheld() : Cell.shown(total.count() - shown)));
        }
        return new Figure(total, groups);
    }

    private static void add(List<Group> groups, FigureCube cube, String town, String dimension, String group,
                            String node, String label) {
        add(groups, cube, town, dimension, group, node, label, group);
    }

    private static void add(List<Group> groups, FigureCube cube, String town, String dimension, String group,
                            String node, String label, String key) {
        if (cube.count(town, dimension, group, node) > 0) {
            groups.add(new Group(FigureCube.ALL.equals(key) ? town : key, label, cube.cell(town, dimension, group, node)));
        }
    }

    private static YearMonth stockMonth(YearMonth last, YearMonth until) {
        return last.isAfter(until) ? until : last;
    }
}
