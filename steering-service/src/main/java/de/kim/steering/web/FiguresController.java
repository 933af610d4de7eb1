package de.kim.steering.web;

import de.kim.steering.web.docs.FiguresApi;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.RequestActorResolver;
import de.kim.steering.query.CounsellingFigures;
import de.kim.steering.query.CounsellingFigures.Counselling;
import de.kim.steering.query.Figure;
import de.kim.steering.query.ReferralFlows;
import de.kim.steering.query.ReferralFlows.ReferralFlow;
import de.kim.steering.query.ReportingPeriod;
import de.kim.steering.query.SteeringFigures;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.Gap;
import de.kim.steering.query.SteeringFigures.GroupBy;
import de.kim.steering.query.SteeringFigures.StatusProgressions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The figures the steering group decides from: counts only, small ones suppressed, never a person. */
@RestController
@RequestMapping("/api/steering")
public class FiguresController implements FiguresApi {

    private static final Set<String> COUNSELLING_GROUPS = Set.of("KIND", "TOWN", "MONTH");

    private final SteeringFigures figures;
    private final ReferralFlows flows;
    private final CounsellingFigures counselling;
    private final RequestActorResolver actors;

    public FiguresController(SteeringFigures figures, ReferralFlows flows, CounsellingFigures counselling,
                             RequestActorResolver actors) {
        this.figures = figures;
        this.flows = flows;
        this.counselling = counselling;
        this.actors = actors;
    }

    @GetMapping("/figures")
    public CaseFigures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String town,
                               @RequestParam(defaultValue = "month") String groupBy) {
        return figures.figures(figures.load(tenant()), period(from, to), town, groupBy(groupBy));
    }

    @GetMapping("/referral-flows")
    public List<ReferralFlow> referralFlows(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String town) {
        return flows.of(figures.load(tenant()), period(from, to), town);
    }

    @GetMapping("/gaps")
    public List<Gap> gaps() {
        return figures.gaps(figures.load(tenant()));
    }

    @GetMapping("/status-progressions")
    public StatusProgressions statusProgressions(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        return figures.statusProgressions(figures.load(tenant()), period(from, to));
    }

    @GetMapping("/themes")
    public Figure themes(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return figures.themes(figures.load(tenant()), period(from, to));
    }

    @GetMapping("/counselling")
    public Counselling counselling(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String town,
                                   @RequestParam(defaultValue = "kind") String groupBy) {
        String grouping = groupBy.toUpperCase(Locale.ROOT);
        if (!COUNSELLING_GROUPS.contains(grouping)) {
            throw new InvalidInputException("groupBy", "steering.group-by.invalid", groupBy);
        }
        return counselling.of(figures.load(tenant()), period(from, to), town, grouping);
    }

    String tenant() {
        return actors.require().tenant().value();
    }

    /**
     * The reporting period from {@code from} and {@code to}: a calendar month, quarter or year,
     * the current year where neither is given; a free range is refused (400), since two
     * overlapping ranges would give away the months between them.
     */
    ReportingPeriod period(String from, String to) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (first == null && last == null) {
            return ReportingPeriod.year(figures.currentMonth().getYear());
        }
        if (first == null || last == null) {
            throw new InvalidInputException(first == null ? "from" : "to", "steering.period.incomplete");
        }
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "steering.period.ends-before-it-starts");
        }
        return ReportingPeriod.spanning(first, last)
                .orElseThrow(() -> new InvalidInputException("from", "steering.period.not-fixed"));
    }

    /** A range of months for an indicator of the action plan (either end open); figures take {@link #period} only. */
    static de.kim.steering.query.Period monthRange(String from, String to) {
        de.kim.steering.query.Period period = new de.kim.steering.query.Period(month("from", from), month("to", to));
        if (period.from() != null && period.to() != null && period.to().isBefore(period.from())) {
            throw new InvalidInputException("to", "steering.period.ends-before-it-starts");
        }
        return period;
    }

    static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf(value.replace('-', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("groupBy", "steering.group-by.invalid", value);
        }
    }

    private static YearMonth month(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "steering.month.invalid");
        }
    }
}
