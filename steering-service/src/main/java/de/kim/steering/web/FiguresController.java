package de.kim.steering.web;

import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.RequestActorResolver;
import de.kim.steering.query.CaseFigures;
import de.kim.steering.query.CaseFiguresQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** The figures the steering group decides from: counts only, small ones suppressed, never a person. */
@RestController
@RequestMapping("/api/steering")
public class FiguresController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final CaseFiguresQuery figures;
    private final RequestActorResolver actors;

    public FiguresController(CaseFiguresQuery figures, RequestActorResolver actors) {
        this.figures = figures;
        this.actors = actors;
    }

    @GetMapping("/figures")
    public CaseFigures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String town) {
        return figures.casesOpened(actors.current().orElseThrow().tenant().value(), month("from", from), month("to", to),
                town);
    }

    private static String month(String field, String value) {
        if (value != null && !MONTH.matcher(value).matches()) {
            throw new InvalidInputException(field, "steering.month.invalid");
        }
        return value;
    }
}
