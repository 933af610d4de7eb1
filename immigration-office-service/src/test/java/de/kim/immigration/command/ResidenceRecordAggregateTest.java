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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static de.kim.immigration.api.ResidenceStatusType.EINBUERGERUNG;
import static de.kim.immigration.api.ResidenceStatusType.NIEDERLASSUNGSERLAUBNIS;

class ResidenceRecordAggregateTest {

    private static final Map<String, String> JONAS_IN_METTMANN = Map.of("tenant", "kreis-mettmann", "actor", "abh-jonas");
    private static final Map<String, String> OTHER_TENANT = Map.of("tenant", "kreis-musterland", "actor", "abh-eva");
    private static final Clock NOV_2ND = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final LocalDate BIRTH = LocalDate.of(1995, 3, 14);
    private static final LocalDate ENTRY = LocalDate.of(2016, 5, 2);

    private AggregateTestFixture<ResidenceRecordAggregate> fixture;
    private final ResidenceRecordId id = new ResidenceRecordId("record-1");
    private final StatusId statusId = new StatusId("status-9");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResidenceRecordAggregate.class);
        fixture.registerInjectableResource(NOV_2ND);
    }

    @Test
    void a_record_opens_with_date_of_birth_nationality_and_entry_date() {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, BIRTH, "AFG", ENTRY, true), JONAS_IN_METTMANN)
                .expectEvents(new ResidenceRecordCreatedEvent(id, "kreis-mettmann", BIRTH, "AFG", ENTRY, true));
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, LocalDate.of(2026, 11, 3), "AFG", ENTRY, false),
                        JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void an_entry_before_birth_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateResidenceRecordCommand(id, BIRTH, "AFG", BIRTH.minusDays(1), false), JONAS_IN_METTMANN)
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
    void a_language_certificate_is_recorded_with_its_level() {
        AchievementId achievement = new AchievementId("achievement-1");
        fixture.given(created())
                .when(new RecordAchievementCommand(id, achievement, AchievementKind.LANGUAGE_CERTIFICATE,
                        LanguageLevel.B1, date(2025, 6, 1), null, null), JONAS_IN_METTMANN)
                .expectEvents(new AchievementRecordedEvent(id, "kreis-mettmann", achievement,
                        AchievementKind.LANGUAGE_CERTIFICATE, LanguageLevel.B1, date(2025, 6, 1), null, null));
    }

    @Test
    void a_language_certificate_needs_a_level() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.LANGUAGE_CERTIFICATE,
                        null, date(2025, 6, 1), null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void only_a_language_certificate_has_a_level() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.EMPLOYMENT,
                        LanguageLevel.B1, date(2025, 6, 1), null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void pension_contributions_need_their_months() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.PENSION_CONTRIBUTIONS,
                        null, date(2025, 6, 1), null, null), JONAS_IN_METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void an_achievement_in_the_future_is_refused() {
        fixture.given(created())
                .when(new RecordAchievementCommand(id, new AchievementId("a"), AchievementKind.EMPLOYMENT, null,
                        date(2026, 11, 3), null, null), JONAS_IN_METTMANN)
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
        fixture.given(created())
                .when(new RecordStatusCheckRequestCommand(id, new StatusCheckId("check-1"), "case-1", date(2026, 11, 2)),
                        JONAS_IN_METTMANN)
                .expectEvents(new StatusCheckRequestedEvent(id, "kreis-mettmann", new StatusCheckId("check-1"), "case-1",
                        date(2026, 11, 2)));
    }

    @Test
    void a_status_check_request_delivered_again_changes_nothing() {
        StatusCheckId check = new StatusCheckId("check-1");
        fixture.given(created(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 2)))
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
    void a_status_check_is_completed_once_on_the_day() {
        StatusCheckId check = new StatusCheckId("check-1");
        fixture.given(created(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 1)))
                .when(new CompleteStatusCheckCommand(id, check), JONAS_IN_METTMANN)
                .expectEvents(new StatusCheckCompletedEvent(id, "kreis-mettmann", check, date(2026, 11, 2)));
        fixture.given(created(), new StatusCheckRequestedEvent(id, "kreis-mettmann", check, "case-1", date(2026, 11, 1)),
                        new StatusCheckCompletedEvent(id, "kreis-mettmann", check, date(2026, 11, 2)))
                .when(new CompleteStatusCheckCommand(id, check), JONAS_IN_METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_status_check_nobody_asked_for_cannot_be_completed() {
        fixture.given(created())
                .when(new CompleteStatusCheckCommand(id, new StatusCheckId("check-9")), JONAS_IN_METTMANN)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    private ResidenceRecordCreatedEvent created() {
        return new ResidenceRecordCreatedEvent(id, "kreis-mettmann", BIRTH, "AFG", ENTRY, false);
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
