package de.kim.immigration.screening;

import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The statuses of a record as periods in time. A status lasts until the next one starts; a
 * gap between a status's end and the next one's start interrupts the residence.
 */
final class Timeline {

    private final List<Period> periods = new ArrayList<>();

    Timeline(List<RecordFacts.StatusFact> statuses) {
        for (int i = 0; i < statuses.size(); i++) {
            RecordFacts.StatusFact status = statuses.get(i);
            LocalDate endOfValidity = status.validUntil() == null ? null : status.validUntil().plusDays(1);
            LocalDate end;
            if (i + 1 < statuses.size()) {
                LocalDate next = statuses.get(i + 1).validFrom();
                end = endOfValidity != null && endOfValidity.isBefore(next) ? endOfValidity : next;
            } else {
                end = endOfValidity;
            }
            periods.add(new Period(status, status.validFrom(), end));
        }
    }

    /** The status held on the day, if any. */
    Optional<Period> on(LocalDate day) {
        for (int i = periods.size() - 1; i >= 0; i--) {
            if (periods.get(i).covers(day)) {
                return Optional.of(periods.get(i));
            }
        }
        return Optional.empty();
    }

    /** Since when the person has uninterruptedly held statuses matching any spec, up to the day; empty if not on the day. */
    Optional<LocalDate> heldSince(LocalDate day, Collection<String> specs) {
        int index = -1;
        for (int i = periods.size() - 1; i >= 0; i--) {
            if (periods.get(i).covers(day)) {
                index = i;
                break;
            }
        }
        if (index < 0 || !periods.get(index).matchesAny(specs)) {
            return Optional.empty();
        }
        LocalDate since = periods.get(index).start();
        for (int i = index - 1; i >= 0; i--) {
            Period earlier = periods.get(i);
            if (!earlier.matchesAny(specs) || earlier.end() == null || !earlier.end().equals(since)) {
                break;
            }
            since = earlier.start();
        }
        return Optional.of(since);
    }

    /** The days from {@code from} up to, not including, {@code until} spent with a status matching any spec. */
    long daysWith(LocalDate from, LocalDate until, Collection<String> specs) {
        if (specs.isEmpty()) {
            return 0;
        }
        long days = 0;
        for (Period period : periods) {
            if (!period.matchesAny(specs)) {
                continue;
            }
            LocalDate start = period.start().isAfter(from) ? period.start() : from;
            LocalDate end = period.end() == null || period.end().isAfter(until) ? until : period.end();
            if (start.isBefore(end)) {
                days += ChronoUnit.DAYS.between(start, end);
            }
        }
        return days;
    }

    /** A status over the days from {@code start} up to, not including, {@code end} (open if null). */
    record Period(RecordFacts.StatusFact status, LocalDate start, LocalDate end) {

        boolean covers(LocalDate day) {
            return !day.isBefore(start) && (end == null || day.isBefore(end));
        }

        boolean matchesAny(Collection<String> specs) {
            return specs.stream().anyMatch(this::matches);
        }

        /** A spec is a status type, optionally followed by a section: {@code AUFENTHALTSERLAUBNIS § 104c}. */
        boolean matches(String spec) {
            int space = spec.indexOf(' ');
            String type = space < 0 ? spec : spec.substring(0, space);
            if (status.type() != ResidenceStatusType.valueOf(type)) {
                return false;
            }
            return space < 0 || LegalBasis.isSection(status.legalBasis(), spec.substring(space + 1));
        }
    }
}
