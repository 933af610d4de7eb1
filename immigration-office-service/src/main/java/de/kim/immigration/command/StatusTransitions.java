package de.kim.immigration.command;

import de.kim.immigration.api.ResidenceStatusType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSGESTATTUNG;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static de.kim.immigration.api.ResidenceStatusType.EINBUERGERUNG;
import static de.kim.immigration.api.ResidenceStatusType.ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU;
import static de.kim.immigration.api.ResidenceStatusType.NIEDERLASSUNGSERLAUBNIS;

/**
 * Which status may follow which. A permanent right of residence (Niederlassungserlaubnis,
 * Daueraufenthalt-EU) is not followed by a temporary status in this record: its loss (§ 51
 * AufenthG) is a decision of its own, outside the screening's scope. Nothing follows a
 * naturalisation: the person is no longer a foreigner under the AufenthG.
 */
final class StatusTransitions {

    private static final Map<ResidenceStatusType, Set<ResidenceStatusType>> ALLOWED = Map.of(
            AUFENTHALTSGESTATTUNG, EnumSet.of(AUFENTHALTSGESTATTUNG, DULDUNG, AUFENTHALTSERLAUBNIS),
            DULDUNG, EnumSet.of(DULDUNG, AUFENTHALTSGESTATTUNG, AUFENTHALTSERLAUBNIS),
            AUFENTHALTSERLAUBNIS, EnumSet.of(AUFENTHALTSERLAUBNIS, NIEDERLASSUNGSERLAUBNIS,
                    ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU, EINBUERGERUNG, DULDUNG),
            NIEDERLASSUNGSERLAUBNIS, EnumSet.of(NIEDERLASSUNGSERLAUBNIS, ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU, EINBUERGERUNG),
            ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU, EnumSet.of(ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU, NIEDERLASSUNGSERLAUBNIS,
                    EINBUERGERUNG),
            EINBUERGERUNG, EnumSet.noneOf(ResidenceStatusType.class));

    private StatusTransitions() {
    }

    static boolean allowed(ResidenceStatusType from, ResidenceStatusType to) {
        return from == null || ALLOWED.get(from).contains(to);
    }
}
