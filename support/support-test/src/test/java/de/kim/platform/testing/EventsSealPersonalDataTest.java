package de.kim.platform.testing;

import de.kim.platform.testing.sealingsample.NoteTakenEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sealing rule finds every plain text field, passes sealed ones, ids and codes, and cannot pass vacuously. */
class EventsSealPersonalDataTest {

    private static final String SAMPLE = "de.kim.platform.testing.sealingsample";

    @Test
    void it_finds_plain_texts_also_in_collections_maps_and_nested_records() {
        assertThat(EventsSealPersonalData.eventRecordsIn(SAMPLE)).containsExactly(NoteTakenEvent.class);
        assertThat(EventsSealPersonalData.textFieldsOf(List.of(NoteTakenEvent.class))).containsExactlyInAnyOrder(
                "NoteTakenEvent.partnerId", "NoteTakenEvent.tags", "NoteTakenEvent.counts",
                "NoteTakenEvent.lines.comment");
    }

    @Test
    void a_plain_text_not_on_the_allow_list_fails() {
        assertThatThrownBy(() -> EventsSealPersonalData.assertFor(SAMPLE, Map.of(
                "NoteTakenEvent.partnerId", "an id", "NoteTakenEvent.tags", "codes",
                "NoteTakenEvent.counts", "codes as keys")))
                .hasMessageContaining("NoteTakenEvent.lines.comment");
    }

    @Test
    void allowed_fields_with_reasons_pass() {
        EventsSealPersonalData.assertFor(SAMPLE, Map.of("NoteTakenEvent.partnerId", "an id",
                "NoteTakenEvent.tags", "codes", "NoteTakenEvent.counts", "codes as keys",
                "NoteTakenEvent.lines.comment", "sample only"));
    }

    @Test
    void an_allow_list_entry_for_no_such_field_fails() {
        assertThatThrownBy(() -> EventsSealPersonalData.assertFor(SAMPLE, Map.of("NoteTakenEvent.partnerId", "an id",
                "NoteTakenEvent.tags", "codes", "NoteTakenEvent.counts", "codes as keys",
                "NoteTakenEvent.lines.comment", "sample only", "NoteTakenEvent.gone", "stale")))
                .hasMessageContaining("NoteTakenEvent.gone");
    }

    @Test
    void a_package_without_events_fails() {
        assertThatThrownBy(() -> EventsSealPersonalData.assertFor("de.kim.platform.testing.nothing", Map.of()))
                .hasMessageContaining("must check something");
    }
}
