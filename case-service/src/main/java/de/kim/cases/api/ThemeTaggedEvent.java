package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The case was tagged with a generative theme. */
@Revision("1")
public record ThemeTaggedEvent(
        CaseId caseId,
        String themeCode,
        String freeText) {
}
