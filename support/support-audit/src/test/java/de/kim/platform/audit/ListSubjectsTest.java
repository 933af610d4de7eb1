package de.kim.platform.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which records a list shows, for its audit entries: each element's id, by accessor, field or key. */
class ListSubjectsTest {

    record Summary(String id, String caseId) {
    }

    static class Row {
        public String caseId;

        Row(String caseId) {
            this.caseId = caseId;
        }
    }

    @Test
    void each_element_names_its_record_by_accessor_field_or_key() {
        assertThat(AuditInterceptor.itemSubjects(List.of(new Summary("a", "c-1"), new Summary("b", "c-2")), "caseId"))
                .containsExactly("c-1", "c-2");
        assertThat(AuditInterceptor.itemSubjects(List.of(new Row("c-3")), "caseId")).containsExactly("c-3");
        assertThat(AuditInterceptor.itemSubjects(List.of(Map.of("id", "r-1")), "id")).containsExactly("r-1");
    }

    @Test
    void an_element_without_a_record_names_none_and_elements_without_the_property_give_no_list() {
        assertThat(AuditInterceptor.itemSubjects(Arrays.asList(new Summary("a", null), new Summary("b", "c-2")), "caseId"))
                .containsExactly("c-2");
        assertThat(AuditInterceptor.itemSubjects(List.of(new Summary("a", "c-1")), "recordId")).isNull();
    }
}
