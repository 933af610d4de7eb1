package de.kim.platform.testing.sealingsample;

import de.kim.platform.privacy.Sealed;

import java.util.List;
import java.util.Map;

/** A sample event for the rule's own test: a sealed note, an id, a code, and text in plain form. */
public record NoteTakenEvent(SampleId sampleId, Sealed note, String partnerId, Kind kind, List<String> tags,
                             Map<String, Integer> counts, List<Line> lines) {

    /** A typed id. */
    public record SampleId(String value) {
    }

    /** A code. */
    public enum Kind { CALL, VISIT }

    /** A nested record with a plain text and a sealed one. */
    public record Line(String comment, Sealed sealedComment, int number) {
    }
}
