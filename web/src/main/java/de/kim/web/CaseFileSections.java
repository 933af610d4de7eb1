package de.kim.web;

import java.util.List;
import java.util.Map;

/**
 * The parts of a case file, one page each ({@code /faelle/{id}} is the overview,
 * {@code /faelle/{id}/<part>} the others), and which part a change of the file leads back to: the
 * one whose form sent it, found from the path the form posts to.
 */
final class CaseFileSections {

    static final String OVERVIEW = "ueberblick";

    /** In the order the navigation shows them. */
    static final List<String> ALL = List.of(OVERVIEW, "bedarfe", "verweisungen", "massnahmen", "kontakte",
            "wiedervorlagen", "einwilligungen", "aufenthalt", "datenschutz", "verlauf");

    /** The path pattern of the parts other than the overview, for the controller's mapping. */
    static final String PATTERN = "bedarfe|verweisungen|massnahmen|kontakte|wiedervorlagen|einwilligungen|aufenthalt"
            + "|datenschutz|verlauf";

    /** The first path segment after the case id that a form posts to, and the part that shows its result. */
    private static final Map<String, String> PART_OF_CHANGE = Map.ofEntries(
            Map.entry("bedarfe", "bedarfe"), Map.entry("plan", "bedarfe"), Map.entry("ziele", "bedarfe"),
            Map.entry("verweisungen", "verweisungen"), Map.entry("massnahmen", "massnahmen"),
            Map.entry("kontakte", "kontakte"), Map.entry("wiedervorlagen", "wiedervorlagen"),
            Map.entry("einwilligungen", "einwilligungen"), Map.entry("aufenthaltsakte", "aufenthalt"),
            Map.entry("erfolge", "aufenthalt"), Map.entry("statuspruefung", "aufenthalt"),
            Map.entry("sperre", "datenschutz"), Map.entry("widerspruch", "datenschutz"),
            Map.entry("loeschung", "datenschutz"));

    private CaseFileSections() {
    }

    /** The page of the case file that shows the result of a change posted to {@code path}. */
    static String pageAfter(String caseId, String path) {
        String prefix = "/faelle/" + caseId + "/";
        String part = OVERVIEW;
        if (path != null && path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            part = PART_OF_CHANGE.getOrDefault(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest, OVERVIEW);
        }
        return page(caseId, part);
    }

    static String page(String caseId, String part) {
        return OVERVIEW.equals(part) ? "/faelle/" + caseId : "/faelle/" + caseId + "/" + part;
    }
}
