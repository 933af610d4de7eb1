package de.kim.immigration.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.kim.platform.privacy.Sealed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rule "personal data in events is sealed", checked: every {@code String}, {@code LocalDate}
 * or collection of {@code String} in an event record of {@code de.kim.immigration.api} is either
 * {@link Sealed} or on the reviewed allow-list below, each entry with the reason it is not personal.
 * A new field of such a type fails this test until it is sealed or reviewed.
 */
class EventFieldsAreSealedTest {

    private static final String API = "de.kim.immigration.api";

    /** Event.component → why it may stay readable. */
    static final Map<String, String> ALLOWED = new TreeMap<>(Map.ofEntries(
            allow("*.tenant", "the tenant (Kommune) an event belongs to: an organisation, not a person"),
            allow("ResidenceStatusProgressedEvent.legalBasis", "a section of the AufenthG from a closed list (LegalBasis), a code"),
            allow("ResidenceStatusProgressedEvent.validFrom", "date of a process step (a status granted); steering counts progressions"),
            allow("ResidenceStatusProgressedEvent.validUntil", "deadline of a process step (a permit's end); the deadline lists need it"),
            allow("AchievementRecordedEvent.achievedOn", "date of a process step (an achievement recorded as a code with its day)"),
            allow("AchievementRecordedEvent.until", "end date of a process step (an ongoing achievement ended)"),
            allow("AchievementWithdrawnEvent.withdrawnOn", "date of a process step (case management's consent for it ended)"),
            allow("HandedOverToCaseManagementEvent.reasonCode", "a code (pattern [A-Z][A-Z0-9_]*, HandoverRequest), never free text"),
            allow("HandedOverToCaseManagementEvent.handedOverOn", "date of a process step (the hand-over)"),
            allow("OfficerAssignedEvent.officer", "the user id of staff (an officer), not of the person on the record"),
            allow("OfficerAssignedEvent.previousOfficer", "the user id of staff (an officer), not of the person on the record"),
            allow("StatusCheckRequestedEvent.caseId", "a random id of the asking case, says nothing about the person"),
            allow("StatusCheckRequestedEvent.requestedOn", "date of a process step (case management asked)"),
            allow("StatusCheckCompletedEvent.completedOn", "date of a process step (the officer completed the check)"),
            allow("CaseLinkRequestedEvent.caseId", "a random id of the asking case, says nothing about the person"),
            allow("CaseLinkRequestedEvent.requestedOn", "date of a process step (case management asked for the link)"),
            allow("CaseLinkAnsweredEvent.caseId", "a random id of the asking case, says nothing about the person"),
            allow("CaseLinkAnsweredEvent.answeredOn", "date of a process step (the link confirmed or refused)"),
            allow("StatusCheckCompletedEvent.caseId", "a random id of the asking case, says nothing about the person"),
            allow("ResidenceRecordClosedEvent.closedOn", "date of a process step; the retention period runs from it"),
            allow("LegalHoldChangedEvent.changedOn", "date of a process step (hold put on or lifted)"),
            allow("ResidenceRecordErasedEvent.reference", "the file number of the erasure request or decision (pattern "
                    + "without names, RecordLifecycleRequests.Erasure), kept readable as proof of the erasure"),
            allow("ResidenceRecordErasedEvent.erasedOn", "date of a process step (the erasure), kept as proof")));

    @Test
    void every_text_and_date_of_an_event_is_sealed_or_reviewed() {
        List<String> unreviewed = new ArrayList<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                if (needsReview(component.getGenericType()) && !allowed(event, component)) {
                    unreviewed.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(unreviewed).as("seal these with the person's key (PersonalDataVault) or add them, with a reason, "
                + "to the reviewed allow-list").isEmpty();
    }

    @Test
    void every_allow_list_entry_names_a_component_that_exists() {
        List<String> components = new ArrayList<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                components.add(event.getSimpleName() + "." + component.getName());
            }
        }
        ALLOWED.keySet().stream().filter(key -> !key.startsWith("*.")).forEach(key ->
                assertThat(components).as("allow-list entry " + key).contains(key));
    }

    @Test
    void the_persons_details_are_sealed() {
        assertThat(events()).extracting(Class::getSimpleName).contains("ResidenceRecordCreatedEvent");
        assertThat(events().stream().flatMap(e -> java.util.Arrays.stream(e.getRecordComponents()))
                .filter(c -> c.getName().equals("person")).map(RecordComponent::getType)).containsOnly(Sealed.class);
    }

    private static boolean allowed(Class<?> event, RecordComponent component) {
        return ALLOWED.containsKey(event.getSimpleName() + "." + component.getName())
                || ALLOWED.containsKey("*." + component.getName());
    }

    private static boolean needsReview(Type type) {
        if (type == String.class || type == LocalDate.class) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return needsReview(p.getActualTypeArguments()[0]);
        }
        return false;
    }

    private static List<Class<?>> events() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(API)
                .stream().filter(c -> c.getPackageName().equals(API) && c.getSimpleName().endsWith("Event"))
                .map(JavaClass::reflect).filter(Class::isRecord).<Class<?>>map(c -> c)
                .sorted(java.util.Comparator.comparing(Class::getName)).toList();
    }

    private static Map.Entry<String, String> allow(String component, String reason) {
        return Map.entry(component, reason);
    }
}
