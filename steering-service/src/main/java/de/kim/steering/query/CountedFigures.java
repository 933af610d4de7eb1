package de.kim.steering.query;

import org.bson.Document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static de.kim.steering.query.SteeringFigures.*;

/**
 * The case figures of one tenant and year, read from the counts the projection keeps
 * ({@link FigureCounts}): the twelve month documents of the year, the stock's balance of the
 * earlier years, and the running month's days, whatever the number of cases. From them come
 * the figure cubes, protected as before ({@link FigureCube#protect}), and the durations.
 */
final class CountedFigures {

    /** The protected cubes of the case figures of a year. */
    record CaseCubes(FigureCube opened, FigureCube closed, FigureCube open, FigureCube needs, FigureCube goals,
                     FigureCube doubleFunding, FigureCube legalDomainChanges) {
    }

    private final int year;
    private final Map<YearMonth, Document> months;
    private final Document balance;
    private final Document runningDays;

    private CountedFigures(int year, Map<YearMonth, Document> months, Document balance, Document runningDays) {
        this.year = year;
        this.months = months;
        this.balance = balance;
        this.runningDays = runningDays;
    }

    /** Reads the count documents of a tenant's year, at most fourteen. */
    static CountedFigures read(FigureCountStore store, String tenant, int year, YearMonth current) {
        List<String> ids = new ArrayList<>();
        ids.add(FigureCounts.balanceId(tenant));
        ids.add(FigureCounts.daysId(tenant, current));
        List<YearMonth> months = ReportingPeriod.year(year).months();
        months.forEach(m -> ids.add(FigureCounts.monthId(tenant, m)));
        Map<String, Document> found = store.read(ids);
        Map<YearMonth, Document> byMonth = new HashMap<>();
        months.forEach(m -> byMonth.put(m, found.getOrDefault(FigureCounts.monthId(tenant, m), new Document())));
        return new CountedFigures(year, byMonth, found.getOrDefault(FigureCounts.balanceId(tenant), new Document()),
                found.getOrDefault(FigureCounts.daysId(tenant, current), new Document()));
    }

    /**
     * What these counts are: the documents read, without the ids of the changes each remembers
     * (they say how the counts came about, not what they are). Equal for equal counts, so that
     * the cubes protected from them can be used again while nothing has changed; compared field by
     * field, which is exact and far cheaper than a digest of the documents as text.
     */
    List<Object> counts() {
        List<Object> counts = new ArrayList<>();
        new java.util.TreeMap<>(months).forEach((month, document) -> counts.add(withoutChangeIds(document)));
        counts.add(withoutChangeIds(balance));
        counts.add(withoutChangeIds(runningDays));
        return counts;
    }

    private static Map<String, Object> withoutChangeIds(Document document) {
        Map<String, Object> counts = new HashMap<>(document);
        counts.remove(FigureCountStore.APPLIED);
        return counts;
    }

    CaseCubes cubes(int threshold, boolean workloadByPerson, YearMonth currentMonth, LocalDate today) {
        List<String> withRoute = List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN);
        FigureCube opened = flowCube(FigureCounts.OPENED, withRoute, threshold);
        FigureCube closed = flowCube(FigureCounts.CLOSED, List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN, OUTCOME),
                threshold);
        FigureCube open = new FigureCube(year, false, workloadByPerson
                ? List.of(TARGET_GROUP, ACCESS_ROUTE, LEGAL_DOMAIN, CASE_MANAGER) : withRoute, threshold);
        List<String> byField = List.of(TARGET_GROUP, LEGAL_DOMAIN, FIELD_OF_ACTION);
        FigureCube needs = flowCube(FigureCounts.NEEDS, byField, threshold);
        FigureCube goals = flowCube(FigureCounts.GOALS, byField, threshold);
        FigureCube doubleFunding = flowCube(FigureCounts.DOUBLE_FUNDING, List.of(TARGET_GROUP, LEGAL_DOMAIN), threshold);
        FigureCube domainChanges = flowCube(FigureCounts.DOMAIN_CHANGES, List.of(TARGET_GROUP, LEGAL_DOMAIN), threshold);
        stock(open, currentMonth, today);
        return new CaseCubes(opened.protect(), closed.protect(), open.protect(), needs.protect(), goals.protect(),
                doubleFunding.protect(), domainChanges.protect());
    }

    /** The referral flows' documents of a tenant's year, by month (an empty one where none). */
    static Map<YearMonth, Document> flows(FigureCountStore store, String tenant, int year) {
        List<YearMonth> months = ReportingPeriod.year(year).months();
        Map<String, Document> found = store.read(months.stream().map(m -> FigureCounts.flowsId(tenant, m)).toList());
        Map<YearMonth, Document> byMonth = new HashMap<>();
        months.forEach(m -> byMonth.put(m, found.getOrDefault(FigureCounts.flowsId(tenant, m), new Document())));
        return byMonth;
    }

    /** A flow cube of the year from the counts of one section, e.g. the themes (not yet protected). */
    FigureCube flowCube(String section, List<String> dimensions, int threshold) {
        FigureCube cube = new FigureCube(year, true, dimensions, threshold);
        months.forEach((month, document) -> towns(document).forEach((town, sections) ->
                flow(cube, sections, section, town, month)));
        return cube;
    }

    /** The minutes of counselling of one town (UNKNOWN for none), month and kind. */
    record Minutes(String town, YearMonth month, String kind, long minutes) {
    }

    /** The minutes of counselling in the months of a period, of all towns or one. */
    List<Minutes> minutes(ReportingPeriod period, String town) {
        List<Minutes> minutes = new ArrayList<>();
        for (YearMonth month : period.months()) {
            towns(months.getOrDefault(month, new Document())).forEach((t, sections) -> {
                String place = FigureCounts.value(t) == null ? "UNKNOWN" : FigureCounts.value(t);
                if ((town == null || town.equals(place)) && sections.get(FigureCounts.MINUTES) instanceof Document m) {
                    m.forEach((kind, n) -> minutes.add(new Minutes(place, month, FigureCounts.value(kind),
                            ((Number) n).longValue())));
                }
            });
        }
        return minutes;
    }

    /** The counts of one cube in one town and month, as the cube's cells. */
    private static void flow(FigureCube cube, Document sections, String section, String town, YearMonth month) {
        Object cells = sections.get(section);
        if (cells instanceof Document counts) {
            cells(counts).forEach((cell, n) -> add(cube, town, cell, month, n));
        }
    }

    /**
     * The open cases at each month's end up to the running month (up to today there): what stayed
     * open from the earlier years, plus what opened less what closed month by month.
     */
    private void stock(FigureCube open, YearMonth currentMonth, LocalDate today) {
        Map<String, Map<String, Long>> running = new HashMap<>();
        balance.forEach((yearKey, towns) -> {
            if (yearKey.startsWith("y") && Integer.parseInt(yearKey.substring(1)) < year && towns instanceof Document t) {
                towns(t).forEach((town, counts) -> accumulate(running, town, counts));
            }
        });
        for (YearMonth month : ReportingPeriod.year(year).months()) {
            if (month.isAfter(currentMonth)) {
                break;
            }
            if (month.equals(currentMonth)) {
                towns(runningDays).forEach((town, days) -> days.forEach((dayKey, counts) -> {
                    if (dayKey.startsWith("d") && Integer.parseInt(dayKey.substring(1)) <= today.getDayOfMonth()
                            && counts instanceof Document c) {
                        accumulate(running, town, c);
                    }
                }));
            } else {
                towns(months.get(month)).forEach((town, sections) -> {
                    if (sections.get(FigureCounts.STOCK) instanceof Document c) {
                        accumulate(running, town, c);
                    }
                });
            }
            running.forEach((town, cells) -> cells.forEach((cell, n) -> add(open, town, cell, month, n)));
        }
    }

    private static void accumulate(Map<String, Map<String, Long>> running, String town, Document counts) {
        Map<String, Long> cells = running.computeIfAbsent(town, t -> new HashMap<>());
        cells(counts).forEach((cell, n) -> cells.merge(cell, n, Long::sum));
    }

    /** The days of one duration (from opening to first referral or to closure) of the cases opened in the period. */
    List<Long> days(String section, ReportingPeriod period, String town) {
        List<Long> days = new ArrayList<>();
        for (YearMonth month : period.months()) {
            towns(months.getOrDefault(month, new Document())).forEach((t, sections) -> {
                if ((town == null || FigureCounts.key(town).equals(t)) && sections.get(section) instanceof Document h) {
                    h.forEach((day, n) -> {
                        long value = Long.parseLong(FigureCounts.value(day));
                        for (long i = ((Number) n).longValue(); i > 0; i--) {
                            days.add(value);
                        }
                    });
                }
            });
        }
        return days;
    }

    /**
     * The counts under a field of a document, by the path below it ({@code depth} names deep, e.g.
     * town and field of action): none where there is no such field.
     */
    static Map<String, Long> counts(Object field, int depth) {
        Map<String, Long> counts = new HashMap<>();
        if (field instanceof Document document) {
            document.forEach((name, value) -> {
                if (depth == 1 && value instanceof Number n) {
                    counts.put(name, n.longValue());
                } else if (depth > 1) {
                    counts(value, depth - 1).forEach((path, n) -> counts.put(name + "." + path, n));
                }
            });
        }
        return counts;
    }

    static Map<String, Long> counts(Object field) {
        return counts(field, 1);
    }

    /** The towns of a document (by their field names) and what each holds. */
    static Map<String, Document> towns(Document document) {
        Map<String, Document> towns = new HashMap<>();
        document.forEach((field, value) -> {
            if (FigureCounts.isKey(field) && value instanceof Document d) {
                towns.put(field, d);
            }
        });
        return towns;
    }

    /** The cells of a cube's counts: {@code *} for the total, {@code DIMENSION.value} for the others. */
    static Map<String, Long> cells(Document counts) {
        Map<String, Long> cells = new HashMap<>();
        counts.forEach((field, value) -> {
            if (FigureCounts.TOTAL.equals(field) && value instanceof Number n) {
                cells.put(field, n.longValue());
            } else if (value instanceof Document groups) {
                groups.forEach((group, n) -> cells.put(field + "." + group, ((Number) n).longValue()));
            }
        });
        return cells;
    }

    /** A cell by town key and {@code *} or {@code DIMENSION.value}: a missing town or value is UNKNOWN. */
    static void add(FigureCube cube, String town, String cell, YearMonth month, long count) {
        String place = FigureCounts.value(town);
        if (FigureCounts.TOTAL.equals(cell)) {
            cube.add(place, FigureCube.ALL, FigureCube.ALL, month, count);
            return;
        }
        int dot = cell.indexOf('.');
        String group = FigureCounts.value(cell.substring(dot + 1));
        cube.add(place, cell.substring(0, dot), group == null ? "UNKNOWN" : group, month, count);
    }
}
