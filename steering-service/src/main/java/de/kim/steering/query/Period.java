package de.kim.steering.query;

import java.time.LocalDate;
import java.time.YearMonth;

/** The months a figure covers, both ends included; either end may be open. */
public record Period(YearMonth from, YearMonth to) {

    public static final Period ALL = new Period(null, null);

    public boolean contains(LocalDate day) {
        if (day == null) {
            return false;
        }
        YearMonth month = YearMonth.from(day);
        return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
    }
}
