package de.kim.contracts.reporting;

import de.kim.contracts.EventType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The anonymised figures of one Kommune for one month, as steering computes them, for
 * reporting consumers outside the platform. Every cell follows the small-cell rule: a count
 * from 1 to 4 has no {@code count} and the display {@code "<5"}. Published again whenever the
 * month's figures change; the newest one per key ({@code tenant:month}) is the valid one.
 *
 * @param figures by name, e.g. {@code casesOpened}, {@code needsAssessed}, {@code goalsReached}
 */
public record FiguresPublished(String tenant, String month, Instant generatedAt, Map<String, Figure> figures) {

    public static final EventType TYPE = new EventType("kim.reporting.FiguresPublished", 1);

    /** A figure: its total and its groups (by town). */
    public record Figure(Cell total, List<Group> groups) {
    }

    /** One group of a figure. */
    public record Group(String key, Cell value) {
    }

    /** A suppressible count. */
    public record Cell(Long count, String display) {
    }
}
