package de.kim.steering.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fixed reporting period: a calendar month, quarter or year. Figures are published for these
 * only, never for a free range of months: two overlapping free ranges (January to March and
 * February to March) would give away the month between them by subtraction. Months, quarters
 * and years of one year are tied together by sums that the disclosure control protects.
 *
 * @param node the period's name in the figures: {@code 2026}, {@code 2026-Q1} or {@code 2026-01}
 */
public record ReportingPeriod(int year, Kind kind, String node, YearMonth first, YearMonth last) {

    public enum Kind { MONTH, QUARTER, YEAR }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(year, Kind.YEAR, String.valueOf(year), YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return new ReportingPeriod(year, Kind.QUARTER, year + "-Q" + quarter, first, first.plusMonths(2));
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(month.getYear(), Kind.MONTH, month.toString(), month, month);
    }

    /** The fixed period from its first to its last month, or empty when these span no month, quarter or year. */
    public static java.util.Optional<ReportingPeriod> spanning(YearMonth from, YearMonth to) {
        if (from.equals(to)) {
            return java.util.Optional.of(month(from));
        }
        if (from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() == 12) {
            return java.util.Optional.of(year(from.getYear()));
        }
        if (from.getYear() == to.getYear() && from.getMonthValue() % 3 == 1 && to.equals(from.plusMonths(2))) {
            return java.util.Optional.of(quarter(from.getYear(), (from.getMonthValue() + 2) / 3));
        }
        return java.util.Optional.empty();
    }

    /** The months of the period, in order. */
    public List<YearMonth> months() {
        return Stream.iterate(first, m -> !m.isAfter(last), m -> m.plusMonths(1)).toList();
    }

    public boolean contains(LocalDate day) {
        return day != null && day.getYear() == year && !YearMonth.from(day).isBefore(first)
                && !YearMonth.from(day).isAfter(last);
    }

    /** The same months as a {@link Period}. */
    public Period asPeriod() {
        return new Period(first, last);
    }

    static String quarterOf(YearMonth month) {
        return month.getYear() + "-Q" + ((month.getMonthValue() + 2) / 3);
    }
}
