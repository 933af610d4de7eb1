package de.kim.steering.query;

import de.kim.steering.query.CountedFigures.Minutes;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The counselling figures: how many contacts case management had with clients, and how many hours,
 * by kind, town or month; never who or what. The number of contacts goes through the disclosure
 * control of {@link FigureCube}; the hours are shown only for the groups whose number of contacts
 * is shown, so that a suppressed count cannot be told from its hours (and the hours withheld add up
 * over at least as many groups as the counts withheld). Read from the counted figures
 * ({@link CountedFigures}): the contacts and their minutes per town, month and kind.
 */
@Component
public class CounsellingFigures {

    /** The type of the event facts that stand for a contact: code the kind, detail the minutes. */
    public static final String CONTACT = "ContactRecorded";
    public static final Set<String> KINDS = Set.of("IN_PERSON", "PHONE", "VIDEO", "HOME_VISIT", "ACCOMPANIMENT", "EMAIL");
    static final String KIND = "CONTACT_KIND";

    private final SteeringFigures figures;

    public CounsellingFigures(SteeringFigures figures) {
        this.figures = figures;
    }

    /** The contacts and the hours of counselling in a period, of all towns or one, by {@code KIND}, {@code TOWN} or {@code MONTH}. */
    public record Counselling(String period, String periodLabel, String town, Figure contacts, Figure hours) {
    }

    public Counselling of(TenantFacts facts, ReportingPeriod period, String town, String groupBy) {
        CountedFigures counted = figures.counted(facts, period.year());
        FigureCube cube = counted.flowCube(FigureCounts.CONTACTS, List.of(KIND), figures.threshold());
        String dimension = "KIND".equals(groupBy) ? KIND : groupBy;
        Figure count = Figure.of(cube.protect(), town, dimension, period, figures.currentMonth(), figures.labels());
        return new Counselling(period.node(), figures.periodLabel(period), town, count,
                hours(count, counted.minutes(period, town), dimension));
    }

    /** The hours of each group whose count is shown; the rest in "nicht ausgewiesen", withheld where the total is. */
    private Figure hours(Figure count, List<Minutes> contacts, String dimension) {
        Cell total = count.total().suppressed() ? count.total() : Cell.shown(hours(contacts, e -> true));
        List<Figure.Group> groups = new ArrayList<>();
        long shownMinutes = 0;
        for (Figure.Group g : count.groups()) {
            if (Figure.SUPPRESSED.equals(g.key())) {
                continue;
            }
            Predicate<Minutes> inGroup = switch (String.valueOf(dimension)) {
                case KIND -> e -> g.key().equals(e.kind());
                case "TOWN" -> e -> g.key().equals(e.town());
                case "MONTH" -> e -> g.key().equals(e.month().toString());
                default -> e -> true;
            };
            if (g.value().suppressed()) {
                groups.add(new Figure.Group(g.key(), g.label(), Cell.withheld()));
            } else {
                shownMinutes += minutes(contacts, inGroup);
                groups.add(new Figure.Group(g.key(), g.label(), Cell.shown(hours(contacts, inGroup))));
            }
        }
        if (groups.stream().anyMatch(g -> g.value().suppressed())) {
            long rest = minutes(contacts, e -> true) - shownMinutes;
            groups.add(new Figure.Group(Figure.SUPPRESSED, figures.labels().of("", Figure.SUPPRESSED),
                    total.suppressed() ? Cell.withheld() : Cell.shown(Math.round(rest / 60.0))));
        }
        return new Figure(total, groups);
    }

    private static long hours(List<Minutes> contacts, Predicate<Minutes> which) {
        return Math.round(minutes(contacts, which) / 60.0);
    }

    private static long minutes(List<Minutes> contacts, Predicate<Minutes> which) {
        return contacts.stream().filter(which).mapToLong(Minutes::minutes).sum();
    }
}
