package de.kim.cases.api;

import java.util.List;

/** What recording a measure led to: active at once, or awaiting confirmation because of double funding. */
public record MeasureOutcome(boolean awaitingConfirmation, List<MeasureId> doubleFundingWith) {
}
