package de.kim.partners.architecture;

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
 * or collection of {@code String} in an event record of {@code de.kim.partners.api} is either
 * {@link Sealed} or on the reviewed allow-list below, each entry with the reason it is not personal.
 * A new field of such a type fails this test until it is sealed or reviewed.
 */
class EventFieldsAreSealedTest {

    private static final String API = "de.kim.partners.api";

    /** Event.component → why it may stay readable. */
    static final Map<String, String> ALLOWED = new TreeMap<>(Map.ofEntries(
            allow("*.tenant", "the tenant (Kommune) an event belongs to: an organisation, not a person"),
            allow("*.caseId", "a random id of the client's case; says nothing about the person, and names the key"),
            allow("*.consentId", "a random id of the consent a referral was shared under"),
            allow("PartnerRegisteredEvent.name", "the name of a partner organisation (VHS, Jobcenter, …), not of a person"),
            allow("PartnerRegisteredEvent.towns", "towns of the Kommune the partner serves, from the tenant's list"),
            allow("PartnerUpdatedEvent.name", "the name of a partner organisation, not of a person"),
            allow("PartnerUpdatedEvent.towns", "towns of the Kommune the partner serves, from the tenant's list"),
            allow("PartnerDeactivatedEvent.reason", "why a partner organisation stops cooperating; about the "
                    + "organisation, never about a client (no client is named in the partner register)"),
            allow("OfferPublishedEvent.title", "the public title of an offer (a course, a counselling service)"),
            allow("OfferPublishedEvent.languages", "language codes an offer is held in"),
            allow("OfferPublishedEvent.town", "a town of the Kommune where the offer takes place"),
            allow("OfferPublishedEvent.targetGroups", "target group codes of an offer"),
            allow("ReferralReceivedEvent.sharedCategories", "data category codes the consent releases"),
            allow("ReferralReceivedEvent.madeOn", "date of a process step (the referral was made)")));

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
    void the_free_texts_of_referral_answers_are_sealed() {
        for (String answer : List.of("ReferralDeclinedEvent.comment", "ReferralCompletedEvent.comment",
                "ReferralWithdrawnEvent.reason")) {
            assertThat(events().stream().flatMap(e -> java.util.Arrays.stream(e.getRecordComponents())
                            .filter(c -> (e.getSimpleName() + "." + c.getName()).equals(answer)))
                    .map(RecordComponent::getType)).as(answer).containsExactly(Sealed.class);
        }
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
