package de.kim.cases.command;

import de.kim.contracts.vocabulary.ContactKind;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.cases.api.*;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.cases.SharedClientData;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/** The rules of correcting the client's data (Art. 16 GDPR) and of the contact log, one test each. */
class RectificationAndContactsTest {

    private static final Map<String, String> ANNA = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna", "roles", "CASE_MANAGER");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    private final CaseId id = new CaseId("case-1");
    private final NeedId need = new NeedId("need-1");
    private final ConsentId consent = new ConsentId("consent-1");
    private final ClientProfile client = new ClientProfile("Amina", "Beispiel", LocalDate.of(1990, 4, 12), "SYR",
            List.of("ar"), "Velbert", new ClientProfile.Contact("0151 000000", "amina@example.org", null));
    private final ClientProfile moved = new ClientProfile("Amina", "Beispiel-Neu", LocalDate.of(1990, 4, 12), "SYR",
            List.of("ar", "de"), "Hilden", new ClientProfile.Contact("0151 000000", "amina@example.org", "Mittelstr. 5"));
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            JsonMapper.builder().findAndAddModules().build(), CLOCK);
    private final CaseTexts texts = new CaseTexts(vault);
    private AggregateTestFixture<CaseAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerInjectableResource(new TenantDirectory(Map.of("kreis-mettmann",
                new TenantDirectory.Tenant("Kreis Mettmann", List.of("Velbert", "Hilden")))));
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(texts);
        fixture.registerInjectableResource(new ThemeCatalogue(Map.of()));
        fixture.registerInjectableResource((PartnerDirectory) (tenant, partner, offer) -> Optional.empty());
    }

    private CaseOpenedEvent opened() {
        return new CaseOpenedEvent(id, "kreis-mettmann", "KIM-2026-00001", vault.seal("kreis-mettmann", id.value(), client), "Velbert",
                TargetGroup.NEWLY_ARRIVED, AccessRoute.JOBCENTER, "cm-anna", TODAY.minusDays(30));
    }

    private ConsentRecordedEvent consentFor(String partner, Set<DataCategory> categories) {
        return new ConsentRecordedEvent(id, consent, partner, Set.of(ConsentPurpose.REFERRAL), categories,
                ConsentForm.WRITTEN, TODAY.minusDays(10), TODAY.plusDays(300), texts.seal("kreis-mettmann", id, "Formular 12"));
    }

    private ReferralMadeEvent referredTo(String partner) {
        return new ReferralMadeEvent(id, new ReferralId("ref-1"), partner, "offer-1", need, FieldOfAction.LANGUAGE,
                consent, Set.of(DataCategory.CONTACT), vault.seal("kreis-mettmann", id.value(), "copy"), null,
                TODAY.minusDays(3));
    }

    @Test
    void a_correction_is_sealed_and_names_the_new_town_and_how_many_fields_changed() {
        fixture.given(opened())
                .when(new RectifyClientCommand(id, moved, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ClientRectifiedEvent.class, e ->
                        e.town().equals("Hilden") && e.changedFields() == 4 && e.copies().isEmpty()
                                && e.rectifiedOn().equals(TODAY) && !e.client().data().contains("Beispiel-Neu")
                                && vault.open("kreis-mettmann", e.client(), ClientProfile.class).orElseThrow().equals(moved)),
                        andNoMore())));
    }

    @Test
    void a_correction_reaches_each_partner_holding_a_copy_as_far_as_its_consent_releases() {
        SharedClientData contactOnly = new SharedClientData(null, null, null, null, "0151 000000",
                "amina@example.org", "Mittelstr. 5", "Hilden", null);
        fixture.given(opened(), new NeedAssessedEvent(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, TODAY),
                        consentFor("partner-1", Set.of(DataCategory.CONTACT)), referredTo("partner-1"))
                .when(new RectifyClientCommand(id, moved, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ClientRectifiedEvent.class, e ->
                        e.copies().size() == 1 && e.copies().get(0).partnerId().equals("partner-1")
                                && e.copies().get(0).consentId().equals(consent)
                                && e.copies().get(0).categories().equals(Set.of(DataCategory.CONTACT))
                                && vault.open("kreis-mettmann", e.copies().get(0).sharedClient(), SharedClientData.class)
                                .orElseThrow().equals(contactOnly)),
                        andNoMore())));
    }

    @Test
    void a_partner_whose_consent_ended_gets_no_correction() {
        fixture.given(opened(), new NeedAssessedEvent(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, TODAY),
                        consentFor("partner-1", Set.of(DataCategory.IDENTITY)), referredTo("partner-1"),
                        new ConsentRevokedEvent(id, consent, "partner-1", TODAY.minusDays(1)))
                .when(new RectifyClientCommand(id, moved, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        sealedAs(ClientRectifiedEvent.class, e -> e.copies().isEmpty()), andNoMore())));
    }

    @Test
    void a_correction_that_changes_nothing_is_refused() {
        fixture.given(opened())
                .when(new RectifyClientCommand(id, client, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_corrected_town_outside_the_kommune_is_refused() {
        ClientProfile elsewhere = new ClientProfile("Amina", "Beispiel", LocalDate.of(1990, 4, 12), "SYR",
                List.of("ar"), "Düsseldorf", null);
        fixture.given(opened())
                .when(new RectifyClientCommand(id, elsewhere, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void the_data_of_an_erased_client_cannot_be_corrected() {
        fixture.given(opened(), new ClientErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST, null, TODAY))
                .when(new RectifyClientCommand(id, moved, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_contact_is_recorded_with_participants_and_note_sealed() {
        ContactId contact = new ContactId("contact-1");
        fixture.given(opened())
                .when(new RecordContactCommand(id, contact, TODAY.minusDays(1), ContactKind.HOME_VISIT, 90, "ar",
                        "Ehemann", "Wohnung besichtigt", false, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ContactRecordedEvent.class, e ->
                        e.contactId().equals(contact) && e.kind() == ContactKind.HOME_VISIT && e.durationMinutes() == 90
                                && "ar".equals(texts.open("kreis-mettmann", e.interpreterLanguage())) && !e.note().data().contains("Wohnung")
                                && "Wohnung besichtigt".equals(texts.open("kreis-mettmann", e.note()))
                                && "Ehemann".equals(texts.open("kreis-mettmann", e.participants()))),
                        andNoMore())));
    }

    @Test
    void an_entrusted_contact_is_marked_as_it_is_recorded() {
        fixture.given(opened())
                .when(new RecordContactCommand(id, new ContactId("contact-1"), TODAY, ContactKind.PHONE, 15, null, null,
                        "Vertraulich", true, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        sealedAs(ContactRecordedEvent.class, e -> e.kind() == ContactKind.PHONE),
                        org.hamcrest.Matchers.equalTo(new MarkedEntrustedEvent(id, EntrustedItem.CONTACT, "contact-1", TODAY)),
                        andNoMore())));
    }

    @Test
    void a_recorded_contact_can_be_marked_entrusted_later() {
        fixture.given(opened(), new ContactRecordedEvent(id, new ContactId("contact-1"), TODAY, ContactKind.VIDEO, 30,
                        null, null, null))
                .when(new MarkEntrustedCommand(id, EntrustedItem.CONTACT, "contact-1", null), ANNA)
                .expectEvents(new MarkedEntrustedEvent(id, EntrustedItem.CONTACT, "contact-1", TODAY));
    }

    @Test
    void a_contact_in_the_future_is_refused() {
        fixture.given(opened())
                .when(new RecordContactCommand(id, new ContactId("contact-1"), TODAY.plusDays(1), ContactKind.PHONE, 15,
                        null, null, null, false, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_contact_lasts_at_least_a_minute_and_at_most_a_day() {
        fixture.given(opened())
                .when(new RecordContactCommand(id, new ContactId("contact-1"), TODAY, ContactKind.PHONE, 0,
                        null, null, null, false, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(opened())
                .when(new RecordContactCommand(id, new ContactId("contact-1"), TODAY, ContactKind.ACCOMPANIMENT, 1441,
                        null, null, null, false, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    private static <T> Matcher<Object> sealedAs(Class<T> type, Predicate<T> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && check.test(type.cast(item));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " with the expected sealed content");
            }
        };
    }
}
