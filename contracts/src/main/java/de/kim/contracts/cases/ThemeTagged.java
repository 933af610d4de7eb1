package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/** A case was tagged with a generative theme; free text is published only as {@code OTHER}. */
public record ThemeTagged(
        String caseId,
        String themeCode) {

    public static final EventType TYPE = new EventType("kim.case.ThemeTagged", 1);
}
