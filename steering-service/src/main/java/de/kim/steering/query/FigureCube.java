package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static de.kim.steering.query.LinkedTables.key;

/**
 * One figure of one year (e.g. cases opened in 2026) as linked tables: by town, by each of its
 * groupings (target group, legal domain, ...), by town and grouping, and by month, quarter and
 * year, all tied by their sums and protected together ({@link LinkedTables}). Every view the
 * API offers (a grouping, a town's filter, a period, an export) reads its cells from here, so
 * {@code ?town=X} shows exactly the cell the table by town shows. A flow (opened, closed, ...)
 * adds up over the months of a year; a stock (open cases) is counted at each month's end and
 * adds up only over towns and groups, and two month ends of one cell are not both shown where
 * they differ by less than the threshold (the difference is what opened and closed between).
 */
final class FigureCube {

    static final String ALL = "*";

    private final int year;
    private final boolean flow;
    private final List<String> dimensions;
    private final Set<String> towns = new TreeSet<>();
    private final Map<String, Set<String>> groups = new TreeMap<>();
    private final LinkedTables tables;
    private final List<Refinement> refinements = new ArrayList<>();

    /** A group of one dimension that is the sum of some groups of another (accepted = accepted only + completed). */
    private record Refinement(String dimension, String group, String fineDimension, List<String> fineGroups) {
    }

    FigureCube(int year, boolean flow, List<String> dimensions, int threshold) {
        this.year = year;
        this.flow = flow;
        this.dimensions = dimensions;
        this.tables = new LinkedTables(threshold);
        dimensions.forEach(d -> groups.put(d, new TreeSet<>()));
    }

    /**
     * Counts one fact: in its town, under its value of each grouping, in its month (a flow) or at
     * the end of that month (a stock). A fact without a town or value counts as {@code UNKNOWN}.
     */
    void add(String town, Map<String, String> values, YearMonth month) {
        String t = town == null ? "UNKNOWN" : town;
        towns.add(t);
        List<String> periods = flow ? List.of(String.valueOf(year), ReportingPeriod.quarterOf(month), month.toString())
                : List.of(month.toString());
        List<String[]> coordinates = new ArrayList<>();
        coordinates.add(new String[]{ALL, ALL});
        for (String d : dimensions) {
            String g = values.get(d) == null ? "UNKNOWN" : values.get(d);
            groups.get(d).add(g);
            coordinates.add(new String[]{d, g});
        }
        for (String place : List.of(ALL, t)) {
            for (String[] c : coordinates) {
                for (String p : periods) {
                    tables.add(key(place, c[0], c[1], p), 1);
                }
            }
        }
    }

    /**
     * Adds a count to one cell in its town and to the sum of all towns: the total
     * ({@code dimension} and {@code group} {@link #ALL}) or one group of a dimension, in its month
     * (a flow, also in its quarter and year) or at that month's end (a stock). Counted as
     * {@link #add(String, Map, YearMonth)} counts one fact; a dimension the cube does not have is
     * left out, and a count of none adds no town or group.
     */
    void add(String town, String dimension, String group, YearMonth month, long count) {
        if (count == 0) {
            return;
        }
        String t = town == null ? "UNKNOWN" : town;
        if (!ALL.equals(dimension)) {
            Set<String> known = groups.get(dimension);
            if (known == null) {
                return;
            }
            known.add(group);
        }
        towns.add(t);
        List<String> periods = flow ? List.of(String.valueOf(year), ReportingPeriod.quarterOf(month), month.toString())
                : List.of(month.toString());
        for (String place : List.of(ALL, t)) {
            for (String p : periods) {
                tables.add(key(place, dimension, group, p), count);
            }
        }
    }

    /** Ties a group of one dimension to the groups of another that add up to it, in every town and period. */
    void refine(String dimension, String group, String fineDimension, List<String> fineGroups) {
        refinements.add(new Refinement(dimension, group, fineDimension, fineGroups));
    }

    FigureCube protect() {
        List<String> periods = new ArrayList<>();
        List<YearMonth> months = ReportingPeriod.year(year).months();
        if (flow) {
            periods.add(String.valueOf(year));
            for (int q = 1; q <= 4; q++) {
                periods.add(year + "-Q" + q);
            }
        }
        months.forEach(m -> periods.add(m.toString()));
        List<String[]> coordinates = new ArrayList<>();
        coordinates.add(new String[]{ALL, ALL});
        groups.forEach((d, values) -> values.forEach(g -> coordinates.add(new String[]{d, g})));
        List<String> places = new ArrayList<>(List.of(ALL));
        places.addAll(towns);
        for (String p : periods) {
            for (String[] c : coordinates) {
                tables.relate(key(ALL, c[0], c[1], p), towns.stream().map(t -> key(t, c[0], c[1], p)).toList());
            }
            for (String place : places) {
                groups.forEach((d, values) -> tables.relate(key(place, ALL, ALL, p),
                        values.stream().map(g -> key(place, d, g, p)).toList()));
                for (Refinement r : refinements) {
                    tables.relate(key(place, r.dimension(), r.group(), p),
                            r.fineGroups().stream().map(g -> key(place, r.fineDimension(), g, p)).toList());
                }
            }
        }
        if (flow) {
            for (String place : places) {
                for (String[] c : coordinates) {
                    List<String> quarters = new ArrayList<>();
                    for (int q = 1; q <= 4; q++) {
                        String quarter = year + "-Q" + q;
                        quarters.add(key(place, c[0], c[1], quarter));
                        tables.relate(key(place, c[0], c[1], quarter), months.subList(q * 3 - 3, q * 3).stream()
                                .map(m -> key(place, c[0], c[1], m.toString())).toList());
                    }
                    tables.relate(key(place, c[0], c[1], String.valueOf(year)), quarters);
                    tables.relate(key(place, c[0], c[1], String.valueOf(year)),
                            months.stream().map(m -> key(place, c[0], c[1], m.toString())).toList());
                }
            }
        }
        if (!flow) {
            for (String place : places) {
                for (String[] c : coordinates) {
                    for (int i = 0; i < months.size(); i++) {
                        for (int j = i + 1; j < months.size(); j++) {
                            tables.apart(key(place, c[0], c[1], months.get(i).toString()),
                                    key(place, c[0], c[1], months.get(j).toString()));
                        }
                    }
                }
            }
        }
        tables.protect();
        return this;
    }

    Cell cell(String town, String dimension, String group, String period) {
        return tables.cell(key(town == null ? ALL : town, dimension, group, period));
    }

    long count(String town, String dimension, String group, String period) {
        return tables.count(key(town == null ? ALL : town, dimension, group, period));
    }

    Set<String> towns() {
        return towns;
    }

    Set<String> groups(String dimension) {
        return groups.getOrDefault(dimension, Set.of());
    }

    boolean flow() {
        return flow;
    }
}
