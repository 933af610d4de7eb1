package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** The case was tagged with a generative theme. */
@Revision("2")
public record ThemeTaggedEvent(
        CaseId caseId,
        String themeCode,
        Sealed freeText) {
}
