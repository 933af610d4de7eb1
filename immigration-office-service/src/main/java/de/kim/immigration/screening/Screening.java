package de.kim.immigration.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * The screening of a record on a day: every pathway with its requirements, and the § 104c
 * clock if the person holds a Chancen-Aufenthaltsrecht.
 */
public record Screening(LocalDate screenedOn, List<PathwayScreening> pathways, ChancenClock chancenClock) {

    public Screening {
        pathways = List.copyOf(pathways);
    }
}
