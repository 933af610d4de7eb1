package de.kim.immigration.command;

import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.AchievementRecordedEvent;
import de.kim.immigration.api.AssignOfficerCommand;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.CreateResidenceRecordCommand;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.HandOverToCaseManagementCommand;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.HandoverId;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.OfficerAssignedEvent;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.RecordResidenceStatusCommand;
import de.kim.immigration.api.RecordStatusCheckRequestCommand;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.api.StatusCheckCompletedEvent;
import de.kim.immigration.api.StatusCheckId;
import de.kim.immigration.api.StatusCheckRequestedEvent;
import de.kim.immigration.api.StatusId;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.contracts.vocabulary.PathwayProspect;
import de.kim.immigration.api.CloseResidenceRecordCommand;
import de.kim.immigration.api.ClosureReason;
import de.kim.immigration.api.EraseResidenceRecordCommand;
import de.kim.immigration.api.ErasureGround;
import de.kim.immigration.api.LegalHoldChangedEvent;
import de.kim.immigration.api.AnswerCaseLinkCommand;
import de.kim.immigration.api.CaseLinkAnsweredEvent;
import de.kim.immigration.api.CaseLinkRequestedEvent;
import de.kim.immigration.api.RequestCaseLinkCommand;
import de.kim.immigration.api.PersonalDetails;
import de.kim.immigration.api.ResidenceRecordClosedEvent;
import de.kim.immigration.api.ResidenceRecordErasedEvent;
import de.kim.immigration.api.SetLegalHoldCommand;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static de.kim.immigration.api.ResidenceStatusType.EINBUERGERUNG;
import static de.kim.immigration.api.ResidenceStatusType.NIEDERLASSUNGSERLAUBNIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class ResidenceRecordAggregateTest {

    private static final Map<String, String> JONAS_IN_METTMANN = Map.of("tenant", "kreis-mettmann", "actor", "abh-jonas");
    private static final Map<String, String> OTHER_TENANT = Map.of("tenant", "kreis-musterland", "actor", "abh-eva");
    private static final Clock NOV_2ND = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final LocalDate BIRTH = LocalDate.of(1995, 3, 14);
    private static final LocalDate ENTRY = LocalDate.of(2016, 5, 2);

    private AggregateTestFixture<ResidenceRecordAggregate> fixture;
    private final ResidenceRecordId id = new ResidenceRecordId("record-1");
    private final StatusId statusId = new StatusId("status-9");
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            JsonMapper.builder().findAndAddModules().build(), NOV_2ND);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResidenceRecordAggregate.class);
        fixture.registerInjectableResource(NOV_2ND);
        fixture.registerInjectableResource(vault);
    }

    @Test
    void a_record_opens_with_name_file_number_and_dates_sealed_with_the_records_own_key() {
        PersonalDetails person = new PersonalDetails(BIRTH, "AFG", ENTRY, true, "Ahmadi", "Farid", "32.1-ABH 4711/2019",
                "123456789012");
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, BIRTH, "AFG", ENTRY, true, " Ahmadi ", "Farid",
                        "32.1-abh  4711/2019", "123456789012"), JONAS_IN_METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ResidenceRecordCreatedEvent.class,
                        created -> created.recordId().equals(id) && created.tenant().equals("kreis-mettmann")
                                && created.person().subject().equals("record-1")
                                && !created.person().data().contains("1995-03-14")
                                && !created.person().data().contains("\"AFG\"")
                                && !created.person().data().contains("Ahmadi")
                                && !created.person().data().contains("4711")
                                && !created.person().data().contains("123456789012")
                                && vault.open("kreis-mettmann", created.person(), PersonalDetails.class).orElseThrow()
                                .equals(person)),
                        andNoMore())));
    }

    @ParameterizedTest
    @CsvSource(value = {"'', Farid, ABH-1, NULL", "Ahmadi, '  ', ABH-1, NULL", "Ahmadi, Farid, '', NULL",
            "Ahmadi, Farid, ABH_1;drop, NULL", "Ahmadi, Farid, ABH-1, 12345", "Ahmadi, Farid, ABH-1, 12345678901a"},
            nullValues = "NULL")
    void a_missing_name_or_a_bad_file_number_or_azr_number_is_refused(String family, String given, String fileNumber,
                                                                     String azr) {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, BIRTH, "AFG", ENTRY, false, family, given, fileNumber, azr),
                        JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void once_the_records_key_is_shredded_its_personal_details_are_unreadable() {
        ResidenceRecordCreatedEvent created = created();
        vault.shred("kreis-mettmann", id.value());
        assertThat(vault.open("kreis-mettmann", created.person(), PersonalDetails.class)).isEmpty();
    }

    @Test
    void a_duldung_for_persons_with_unclear_identity_is_recorded_as_one_under_section_60b() {
        fixture.given(created())
                .when(status(DULDUNG, "§ 60b", date(2024, 1, 1), date(2024, 7, 1)), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceStatusProgressedEvent(id, "kreis-mettmann", statusId, null, DULDUNG,
                        "§ 60b AufenthG", date(2024, 1, 1), date(2024, 7, 1), null));
    }

    @Test
    void a_duldung_without_section_is_one_under_section_60a_and_no_other_section_makes_a_duldung() {
        fixture.given(created())
                .when(status(DULDUNG, null, date(2024, 1, 1), null), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceStatusProgressedEvent(id, "kreis-mettmann", statusId, null, DULDUNG,
                        "§ 60a AufenthG", date(2024, 1, 1), null, null));
        fixture.given(created())
                .when(status(DULDUNG, "§ 25b", date(2024, 1, 1), null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("residence.status.duldung-section").expectNoEvents();
    }

    @Test
    void a_record_is_closed_on_the_day_with_its_reason_and_only_once() {
        fixture.given(created())
                .when(new CloseResidenceRecordCommand(id, ClosureReason.NATURALISED), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceRecordClosedEvent(id, "kreis-mettmann", ClosureReason.NATURALISED,
                        date(2026, 11, 2)));
        fixture.given(created(), closed())
                .when(new CloseResidenceRecordCommand(id, ClosureReason.MOVED_AWAY), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectExceptionMessage("residence.closed").expectNoEvents();
    }

    @Test
    void nothing_new_is_recorded_on_a_closed_record() {
        fixture.given(created(), closed())
                .when(status(DULDUNG, null, date(2026, 1, 1), date(2026, 6, 30)), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectExceptionMessage("residence.closed").expectNoEvents();
        fixture.given(created(), closed())
                .when(new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        LanguageLevel.B1, date(2026, 10, 1), null, null, null), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_record_is_erased_on_request_with_ground_and_reference() {
        fixture.given(created())
                .when(new EraseResidenceRecordCommand(id, ErasureGround.LAWFUL_REQUEST, "ABH-2026-17"), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceRecordErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST,
                        "ABH-2026-17", date(2026, 11, 2)));
    }

    @Test
    void an_erased_record_takes_no_more_changes_and_is_not_erased_twice() {
        ResidenceRecordErasedEvent erased = new ResidenceRecordErasedEvent(id, "kreis-mettmann",
                ErasureGround.LAWFUL_REQUEST, "ABH-2026-17", date(2026, 11, 1));
        fixture.given(created(), erased)
                .when(new EraseResidenceRecordCommand(id, ErasureGround.LAWFUL_REQUEST, "ABH-2026-18"), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectExceptionMessage("residence.erased").expectNoEvents();
        fixture.given(created(), erased)
                .when(status(DULDUNG, null, date(2026, 1, 1), date(2026, 6, 30)), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectExceptionMessage("residence.erased").expectNoEvents();
        fixture.given(created(), erased)
                .when(new AssignOfficerCommand(id, "abh-eva"), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectExceptionMessage("residence.erased").expectNoEvents();
    }

    @Test
    void the_retention_period_runs_from_the_closure() {
        fixture.given(created())
                .when(new EraseResidenceRecordCommand(id, ErasureGround.RETENTION_EXPIRED, "Frist"), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectExceptionMessage("residence.erasure.not-closed")
                .expectNoEvents();
        fixture.given(created(), closed())
                .when(new EraseResidenceRecordCommand(id, ErasureGround.RETENTION_EXPIRED, "Frist"), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceRecordErasedEvent(id, "kreis-mettmann", ErasureGround.RETENTION_EXPIRED,
                        "Frist", date(2026, 11, 2)));
    }

    @Test
    void a_legal_hold_refuses_the_erasure_until_it_is_lifted() {
        LegalHoldChangedEvent hold = new LegalHoldChangedEvent(id, "kreis-mettmann", true,
                vault.seal("kreis-mettmann", id.value(), "Klageverfahren"), date(2026, 10, 1));
        fixture.given(created(), hold)
                .when(new EraseResidenceRecordCommand(id, ErasureGround.LAWFUL_REQUEST, "ABH-1"), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectExceptionMessage("residence.erasure.legal-hold")
                .expectNoEvents();
        fixture.given(created(), hold, new LegalHoldChangedEvent(id, "kreis-mettmann", false,
                        vault.seal("kreis-mettmann", id.value(), "Verfahren beendet"), date(2026, 10, 20)))
                .when(new EraseResidenceRecordCommand(id, ErasureGround.LAWFUL_REQUEST, "ABH-1"), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceRecordErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST,
                        "ABH-1", date(2026, 11, 2)));
    }

    @Test
    void a_legal_holds_reason_is_sealed_with_the_records_key() {
        fixture.given(created())
                .when(new SetLegalHoldCommand(id, true, "Klageverfahren VG 12 K"), JONAS_IN_METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(LegalHoldChangedEvent.class,
                        changed -> changed.active() && changed.changedOn().equals(date(2026, 11, 2))
                                && !changed.reason().data().contains("Klageverfahren")
                                && vault.open("kreis-mettmann", changed.reason(), String.class).orElseThrow()
                                .equals("Klageverfahren VG 12 K")),
                        andNoMore())));
    }

    @Test
    void another_tenant_cannot_erase_a_record() {
        fixture.given(created())
                .when(new EraseResidenceRecordCommand(id, ErasureGround.LAWFUL_REQUEST, "ABH-1"), OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, LocalDate.of(2026, 11, 3), "AFG", ENTRY, false,
                        "Ahmadi", "Farid", "ABH-1", null),
                        JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void an_entry_before_birth_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, BIRTH, "AFG", BIRTH.minusDays(1), false,
                        "Ahmadi", "Farid", "ABH-1", null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_first_status_progresses_from_nothing() {
        fixture.given(created())
                .when(status(DULDUNG, null, date(2018, 1, 1), date(2018, 6, 30)), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceStatusProgressedEvent(id, "kreis-mettmann", statusId, null, DULDUNG,
                        "§ 60a AufenthG", date(2018, 1, 1), date(2018, 6, 30), null));
    }

    @Test
    void a_permit_under_25b_after_a_duldung_is_the_pathway_25b() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2018, 1, 1)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 25b", date(2026, 11, 1), date(2028, 10, 31)), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceStatusProgressedEvent(id, "kreis-mettmann", statusId, DULDUNG,
                        AUFENTHALTSERLAUBNIS, "§ 25b AufenthG", date(2026, 11, 1), date(2028, 10, 31),
                        Pathway.AUFENTHG_25B));
    }

    @Test
    void a_status_that_ends_before_it_starts_is_refused() {
        fixture.given(created())
                .when(status(DULDUNG, null, date(2020, 5, 1), date(2020, 4, 30)), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_residence_permit_needs_its_section() {
        fixture.given(created())
                .when(status(AUFENTHALTSERLAUBNIS, null, date(2020, 5, 1), date(2021, 4, 30)), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_residence_permit_needs_an_end() {
        fixture.given(created())
                .when(status(AUFENTHALTSERLAUBNIS, "§ 25b", date(2020, 5, 1), null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_permanent_status_has_no_end() {
        fixture.given(created(), progressed(null, AUFENTHALTSERLAUBNIS, "§ 25b AufenthG", date(2018, 1, 1)))
                .when(status(NIEDERLASSUNGSERLAUBNIS, null, date(2024, 1, 1), date(2030, 1, 1)), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void nothing_follows_a_naturalisation() {
        fixture.given(created(), progressed(null, NIEDERLASSUNGSERLAUBNIS, "§ 9 AufenthG", date(2018, 1, 1)),
                        progressed(NIEDERLASSUNGSERLAUBNIS, EINBUERGERUNG, "§ 10 StAG", date(2025, 1, 1)))
                .when(status(NIEDERLASSUNGSERLAUBNIS, null, date(2026, 1, 1), null), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_niederlassungserlaubnis_does_not_fall_back_to_a_duldung() {
        fixture.given(created(), progressed(null, NIEDERLASSUNGSERLAUBNIS, "§ 9 AufenthG", date(2018, 1, 1)))
                .when(status(DULDUNG, null, date(2026, 1, 1), date(2026, 6, 30)), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_duldung_does_not_lead_straight_to_a_niederlassungserlaubnis() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2018, 1, 1)))
                .when(status(NIEDERLASSUNGSERLAUBNIS, null, date(2026, 1, 1), null), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_new_status_does_not_start_before_the_current_one() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2020, 1, 1)))
                .when(status(DULDUNG, null, date(2019, 12, 31), date(2020, 6, 30)), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void the_chancen_aufenthaltsrecht_is_only_for_a_tolerated_person() {
        fixture.given(created(), progressed(null, ResidenceStatusType.AUFENTHALTSGESTATTUNG, "§ 55 AsylG",
                        date(2016, 5, 2)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 104c", date(2023, 2, 1), date(2024, 7, 31)), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void the_chancen_aufenthaltsrecht_lasts_at_most_18_months() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2016, 5, 2)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 104c", date(2023, 2, 1), date(2024, 8, 1)), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void the_chancen_aufenthaltsrecht_of_exactly_18_months_is_recorded() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2016, 5, 2)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 104c", date(2023, 2, 1), date(2024, 7, 31)), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_chancen_aufenthaltsrecht_is_not_extended() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2016, 5, 2)),
                        progressed(DULDUNG, AUFENTHALTSERLAUBNIS, "§ 104c AufenthG", date(2023, 2, 1)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 104c", date(2024, 8, 1), date(2025, 12, 31)), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void the_chancen_aufenthaltsrecht_leads_to_25b() {
        fixture.given(created(), progressed(null, DULDUNG, "§ 60a AufenthG", date(2016, 5, 2)),
                        progressed(DULDUNG, AUFENTHALTSERLAUBNIS, "§ 104c AufenthG", date(2023, 2, 1)))
                .when(status(AUFENTHALTSERLAUBNIS, "§ 25b", date(2024, 7, 1), date(2026, 6, 30)), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void another_tenants_record_is_not_found() {
        fixture.given(created())
                .when(status(DULDUNG, null, date(2018, 1, 1), date(2018, 6, 30)), OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void an_achievement_whose_sharing_ended_leaves_the_record_once_and_unknown_ones_are_passed_over() {
        AchievementId shared = new AchievementId("achievement-1");
        AchievementRecordedEvent recorded = new AchievementRecordedEvent(id, "kreis-mettmann", shared,
                AchievementKind.LANGUAGE_CERTIFICATE, LanguageLevel.B1, date(2025, 6, 1), null, null);
        fixture.given(created(), recorded)
                .when(new de.kim.immigration.api.WithdrawSharedAchievementsCommand(id,
                        List.of(shared, new AchievementId("never-shared")), date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectEvents(new de.kim.immigration.api.AchievementWithdrawnEvent(id, "kreis-mettmann", shared,
                        date(2026, 11, 2)));
        fixture.given(created(), recorded, new de.kim.immigration.api.AchievementWithdrawnEvent(id, "kreis-mettmann",
                        shared, date(2026, 11, 2)))
                .when(new de.kim.immigration.api.WithdrawSharedAchievementsCommand(id, List.of(shared),
                        date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void an_achievement_whose_sharing_ended_leaves_a_closed_record_too() {
        AchievementId shared = new AchievementId("achievement-1");
        fixture.given(created(), new AchievementRecordedEvent(id, "kreis-mettmann", shared,
                        AchievementKind.LANGUAGE_CERTIFICATE, LanguageLevel.B1, date(2025, 6, 1), null, null), closed())
                .when(new de.kim.immigration.api.WithdrawSharedAchievementsCommand(id, List.of(shared),
                        date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectEvents(new de.kim.immigration.api.AchievementWithdrawnEvent(id, "kreis-mettmann", shared,
                        date(2026, 11, 2)));
    }

    @Test
    void a_language_certificate_is_recorded_with_its_level() {
        AchievementId achievement = new AchievementId("achievement-1");
        fixture.given(created())
                .when(new RecordAchievementCommand(id, achievement, AchievementKind.LANGUAGE_CERTIFICATE,
                        LanguageLevel.B1, date(2025, 6, 1), null, null, null), JONAS_IN_METTMANN)
                .expectEvents(new AchievementRecordedEvent(id, "kreis-mettmann", achievement,
                        AchievementKind.LANGUAGE_CERTIFICATE, LanguageLevel.B1, date(2025, 6, 1), null, null));
    }

    @Test
    void a_language_certificate_needs_a_level() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.LANGUAGE_CERTIFICATE,
                        null, date(2025, 6, 1), null, null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void only_a_language_certificate_has_a_level() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.EMPLOYMENT,
                        LanguageLevel.B1, date(2025, 6, 1), null, null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void pension_contributions_need_their_months() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.PENSION_CONTRIBUTIONS,
                        null, date(2025, 6, 1), null, null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void an_achievement_in_the_future_is_refused() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.EMPLOYMENT, null,
                        date(2026, 11, 3), null, null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_hand_over_names_the_field_of_action_and_the_day() {
        HandoverId handover = new HandoverId("handover-1");
        fixture.given(created())
                .when(new HandOverToCaseManagementCommand(id, handover, FieldOfAction.LANGUAGE,
                        "LANGUAGE_LEVEL_MISSING", Pathway.AUFENTHG_25B), JONAS_IN_METTMANN)
                .expectEvents(new HandedOverToCaseManagementEvent(id, "kreis-mettmann", handover,
                        FieldOfAction.LANGUAGE, "LANGUAGE_LEVEL_MISSING", Pathway.AUFENTHG_25B, date(2026, 11, 2)));
    }

    @Test
    void an_officer_becomes_responsible_for_the_record_and_the_previous_one_is_kept() {
        fixture.given(created(), new OfficerAssignedEvent(id, "kreis-mettmann", "abh-eva", null))
                .when(new AssignOfficerCommand(id, "abh-jonas"), JONAS_IN_METTMANN)
                .expectEvents(new OfficerAssignedEvent(id, "kreis-mettmann", "abh-jonas", "abh-eva"));
    }

    @Test
    void naming_the_responsible_officer_again_changes_nothing() {
        fixture.given(created(), new OfficerAssignedEvent(id, "kreis-mettmann", "abh-jonas", null))
                .when(new AssignOfficerCommand(id, "abh-jonas"), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void another_tenant_cannot_assign_an_officer() {
        fixture.given(created())
                .when(new AssignOfficerCommand(id, "abh-eva"), OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_status_check_request_of_case_management_lands_on_the_record() {
        fixture.given(created(), linkRequested(), linkConfirmed())
                .when(new RecordStatusCheckRequestCommand(id, new StatusCheckId("check-1"), "case-1", date(2026, 11, 2)),
                        JONAS_IN_METTMANN)
                .expectEvents(new StatusCheckRequestedEvent(id, "kreis-mettmann", new StatusCheckId("check-1"), "case-1",
                        date(2026, 11, 2)));
    }

    @Test
    void a_status_check_request_delivered_again_changes_nothing() {
        StatusCheckId check = new StatusCheckId("check-1");
        fixture.given(created(), linkRequested(), linkConfirmed(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 2)))
                .when(new RecordStatusCheckRequestCommand(id, check, "case-1", date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_status_check_request_for_another_tenants_record_finds_no_record() {
        fixture.given(created())
                .when(new RecordStatusCheckRequestCommand(id, new StatusCheckId("check-1"), "case-1", date(2026, 11, 2)),
                        OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_status_check_is_answered_once_with_the_status_now_and_the_officers_prospect_sealed_with_the_records_key() {
        StatusCheckId check = new StatusCheckId("check-1");
        StatusCheckAnswered.Answer expected = new StatusCheckAnswered.Answer("DULDUNG", "§ 60a AufenthG", date(2027, 3, 31),
                "AUFENTHG_25B", "REQUIREMENTS_MET_SOON", "B1 fehlt noch");
        fixture.given(created(), linkRequested(), linkConfirmed(),
                        new ResidenceStatusProgressedEvent(id, "kreis-mettmann", statusId, null, DULDUNG,
                                "§ 60a AufenthG", date(2026, 10, 1), date(2027, 3, 31), null),
                        new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 1)))
                .when(new CompleteStatusCheckCommand(id, check, Pathway.AUFENTHG_25B, PathwayProspect.REQUIREMENTS_MET_SOON,
                        "  B1 fehlt noch "), JONAS_IN_METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(StatusCheckCompletedEvent.class,
                        answered -> answered.completedOn().equals(date(2026, 11, 2)) && answered.caseId().equals("case-1")
                                && answered.answer().subject().equals(id.value())
                                && !answered.answer().data().contains("fehlt noch")
                                && vault.open("kreis-mettmann", answered.answer(), StatusCheckAnswered.Answer.class)
                                .orElseThrow().equals(expected)),
                        andNoMore())));
        fixture.given(created(), linkRequested(), linkConfirmed(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 1)),
                        new StatusCheckCompletedEvent(id, "kreis-mettmann", check, date(2026, 11, 2), null, null))
                .when(new CompleteStatusCheckCommand(id, check), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_pathway_without_a_prospect_is_no_answer() {
        StatusCheckId check = new StatusCheckId("check-1");
        fixture.given(created(), linkRequested(), linkConfirmed(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 1)))
                .when(new CompleteStatusCheckCommand(id, check, Pathway.AUFENTHG_25B, null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_status_check_nobody_asked_for_cannot_be_completed() {
        fixture.given(created())
                .when(new CompleteStatusCheckCommand(id, new StatusCheckId("check-9")), JONAS_IN_METTMANN)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    private CaseLinkRequestedEvent linkRequested() {
        return new CaseLinkRequestedEvent(id, "kreis-mettmann", "case-1", date(2026, 10, 30));
    }

    private CaseLinkAnsweredEvent linkConfirmed() {
        return new CaseLinkAnsweredEvent(id, "kreis-mettmann", "case-1", true, false, date(2026, 10, 31));
    }

    @Test
    void a_link_request_of_case_management_waits_for_the_officer_and_lands_once() {
        fixture.given(created())
                .when(new RequestCaseLinkCommand(id, "case-1", date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectEvents(new CaseLinkRequestedEvent(id, "kreis-mettmann", "case-1", date(2026, 11, 2)));
        fixture.given(created(), linkRequested())
                .when(new RequestCaseLinkCommand(id, "case-1", date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_link_asked_after_the_office_handed_the_person_over_is_confirmed_at_once() {
        fixture.given(created(), new HandedOverToCaseManagementEvent(id, "kreis-mettmann", new HandoverId("h-1"),
                        FieldOfAction.LANGUAGE, "LANGUAGE_LEVEL_MISSING", Pathway.AUFENTHG_25B, date(2026, 11, 1)))
                .when(new RequestCaseLinkCommand(id, "case-1", date(2026, 11, 2)), JONAS_IN_METTMANN)
                .expectEvents(new CaseLinkRequestedEvent(id, "kreis-mettmann", "case-1", date(2026, 11, 2)),
                        new CaseLinkAnsweredEvent(id, "kreis-mettmann", "case-1", true, true, date(2026, 11, 2)));
    }

    @Test
    void the_officer_confirms_or_refuses_a_link_once_and_only_one_that_was_asked() {
        fixture.given(created(), linkRequested())
                .when(new AnswerCaseLinkCommand(id, "case-1", false), JONAS_IN_METTMANN)
                .expectEvents(new CaseLinkAnsweredEvent(id, "kreis-mettmann", "case-1", false, false, date(2026, 11, 2)));
        fixture.given(created(), linkRequested(), linkConfirmed())
                .when(new AnswerCaseLinkCommand(id, "case-1", false), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created())
                .when(new AnswerCaseLinkCommand(id, "case-9", true), JONAS_IN_METTMANN)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void nothing_of_a_case_reaches_the_record_over_a_link_not_confirmed() {
        fixture.given(created(), linkRequested())
                .when(new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        LanguageLevel.B1, date(2026, 10, 1), null, null, "case-1"), JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(created(), linkRequested(),
                        new CaseLinkAnsweredEvent(id, "kreis-mettmann", "case-1", false, false, date(2026, 10, 31)))
                .when(new RecordStatusCheckRequestCommand(id, new StatusCheckId("check-1"), "case-1", date(2026, 11, 2)),
                        JONAS_IN_METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(created(), linkRequested(), linkConfirmed())
                .when(new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        LanguageLevel.B1, date(2026, 10, 1), null, null, "case-1"), JONAS_IN_METTMANN)
                .expectEvents(new AchievementRecordedEvent(id, "kreis-mettmann", new AchievementId("a-1"),
                        AchievementKind.LANGUAGE_CERTIFICATE, LanguageLevel.B1, date(2026, 10, 1), null, null));
    }

    private ResidenceRecordCreatedEvent created() {
        return new ResidenceRecordCreatedEvent(id, "kreis-mettmann",
                vault.seal("kreis-mettmann", id.value(), new PersonalDetails(BIRTH, "AFG", ENTRY, false)));
    }

    private ResidenceRecordClosedEvent closed() {
        return new ResidenceRecordClosedEvent(id, "kreis-mettmann", ClosureReason.NATURALISED, date(2026, 10, 1));
    }

    /** An event of the type whose sealed parts, opened with the vault, are what the check expects. */
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

    private ResidenceStatusProgressedEvent progressed(ResidenceStatusType from, ResidenceStatusType to,
                                                      String legalBasis, LocalDate validFrom) {
        return new ResidenceStatusProgressedEvent(id, "kreis-mettmann", new StatusId("s-" + validFrom), from, to,
                legalBasis, validFrom, null, Pathway.reachedBy(to, legalBasis).orElse(null));
    }

    private RecordResidenceStatusCommand status(ResidenceStatusType type, String section, LocalDate from,
                                                LocalDate until) {
        return new RecordResidenceStatusCommand(id, statusId, type, section, from, until);
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
