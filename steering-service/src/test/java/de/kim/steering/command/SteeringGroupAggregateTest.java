package de.kim.steering.command;

import de.kim.contracts.vocabulary.MemberRole;
import de.kim.contracts.vocabulary.Body;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rules of a steering or project group and its meetings, one test each. */
class SteeringGroupAggregateTest {

    private static final String TENANT = "kreis-mettmann";
    private static final Map<String, String> LG = Map.of("tenant", TENANT, "actor", "lg-mitglied");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 12);
    private AggregateTestFixture<SteeringGroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SteeringGroupAggregate.class);
    }

    private Object[] groupWithMeeting() {
        return new Object[]{new GroupFormedEvent("g1", TENANT, Body.STEERING_GROUP, "Lenkungsgruppe KIM"),
                new MemberAddedEvent("g1", "m1", "Erika Beispiel", "Kommunales Integrationszentrum", MemberRole.CHAIR),
                new MeetingScheduledEvent("g1", "s1", DAY, "Kreishaus", List.of(new AgendaItem("t1", "Bericht")))};
    }

    @Test
    void a_group_is_formed_for_the_tenant_of_whoever_forms_it() {
        fixture.givenNoPriorActivity()
                .when(new FormGroupCommand("g1", Body.PROJECT_GROUP, "Projektgruppe Sprache"), LG)
                .expectEvents(new GroupFormedEvent("g1", TENANT, Body.PROJECT_GROUP, "Projektgruppe Sprache"));
    }

    @Test
    void another_tenant_finds_no_group_to_record_minutes_in() {
        fixture.given(groupWithMeeting())
                .when(new RecordMinutesCommand("g1", "s1", "t1", "Text"), Map.of("tenant", "kreis-musterland"))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_meeting_has_an_agenda() {
        fixture.given(groupWithMeeting()[0])
                .when(new ScheduleMeetingCommand("g1", "s2", DAY, "Kreishaus", List.of()), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void only_members_are_recorded_as_present() {
        fixture.given(groupWithMeeting())
                .when(new RecordAttendanceCommand("g1", "s1", List.of("m1", "jemand-anderes")), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void minutes_belong_to_an_item_of_the_agenda() {
        fixture.given(groupWithMeeting())
                .when(new RecordMinutesCommand("g1", "s1", "t9", "Text"), LG)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_decision_gives_its_tasks_to_members() {
        fixture.given(groupWithMeeting())
                .when(new TakeDecisionCommand("g1", "s1", "d1", "t1", "Ausschreibung", "Das KI schreibt aus.", "goal-1",
                        null, List.of(new TaskSpec("a1", "Ausschreibung vorbereiten", "m1", DAY.plusWeeks(6)))), LG)
                .expectEvents(new MeetingDecisionRecordedEvent("g1", "s1", "d1", TENANT, Body.STEERING_GROUP, DAY, "t1",
                                "Ausschreibung", "Das KI schreibt aus.", "goal-1", null),
                        new TaskAssignedEvent("g1", "s1", "d1", "a1", "Ausschreibung vorbereiten", "m1", DAY.plusWeeks(6),
                                "goal-1", null));
    }

    @Test
    void a_group_knows_a_decision_of_its_meetings_the_moment_it_is_taken() {
        fixture.given(groupWithMeeting()).andGiven(new MeetingDecisionRecordedEvent("g1", "s1", "d1", TENANT,
                        Body.STEERING_GROUP, DAY, "t1", "Handlungskonzept beschlossen", "Text", null, null))
                .when(new CheckDecisionCommand("g1", "d1"), LG)
                .expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(new DecisionTaken("g1", "d1", "s1", DAY));
    }

    @Test
    void a_decision_the_group_did_not_take_or_of_another_tenant_is_unknown_to_it() {
        fixture.given(groupWithMeeting()).andGiven(new MeetingDecisionRecordedEvent("g1", "s1", "d1", TENANT,
                        Body.STEERING_GROUP, DAY, "t1", "Handlungskonzept beschlossen", "Text", null, null))
                .when(new CheckDecisionCommand("g1", "d2"), LG)
                .expectResultMessagePayload(null).expectNoEvents();
        fixture.given(groupWithMeeting()).andGiven(new MeetingDecisionRecordedEvent("g1", "s1", "d1", TENANT,
                        Body.STEERING_GROUP, DAY, "t1", "Handlungskonzept beschlossen", "Text", null, null))
                .when(new CheckDecisionCommand("g1", "d1"), Map.of("tenant", "kreis-musterland"))
                .expectResultMessagePayload(null).expectNoEvents();
    }

    @Test
    void a_task_owner_who_is_not_a_member_is_refused() {
        fixture.given(groupWithMeeting())
                .when(new TakeDecisionCommand("g1", "s1", "d1", "t1", "Ausschreibung", "Text", null, null,
                        List.of(new TaskSpec("a1", "Vorbereiten", "kein-mitglied", DAY.plusDays(1)))), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_task_is_not_due_before_its_meeting() {
        fixture.given(groupWithMeeting())
                .when(new TakeDecisionCommand("g1", "s1", "d1", "t1", "Ausschreibung", "Text", null, null,
                        List.of(new TaskSpec("a1", "Vorbereiten", "m1", DAY.minusDays(1)))), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_task_is_done_once() {
        Object[] given = groupWithMeeting();
        fixture.given(given[0], given[1], given[2],
                        new TaskAssignedEvent("g1", "s1", "d1", "a1", "Vorbereiten", "m1", DAY, null, null),
                        new TaskCompletedEvent("g1", "a1", DAY))
                .when(new CompleteTaskCommand("g1", "a1", DAY), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }
    @Test
    void a_member_changes_organisation_and_role() {
        fixture.given(groupWithMeeting())
                .when(new ChangeMemberCommand("g1", "m1", "Jobcenter", MemberRole.MEMBER), LG)
                .expectEvents(new MemberChangedEvent("g1", "m1", "Jobcenter", MemberRole.MEMBER));
    }

    @Test
    void a_member_who_left_is_not_changed() {
        fixture.given(groupWithMeeting()).andGiven(new MemberRemovedEvent("g1", "m1", DAY))
                .when(new ChangeMemberCommand("g1", "m1", "Jobcenter", MemberRole.MEMBER), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void only_a_member_of_the_group_is_removed() {
        fixture.given(groupWithMeeting())
                .when(new RemoveMemberCommand("g1", "m9", DAY), LG)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_member_leaves_once() {
        fixture.given(groupWithMeeting()).andGiven(new MemberRemovedEvent("g1", "m1", DAY))
                .when(new RemoveMemberCommand("g1", "m1", DAY), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_member_who_left_is_not_added_to_an_attendance() {
        fixture.given(groupWithMeeting()).andGiven(new MemberRemovedEvent("g1", "m1", DAY))
                .when(new RecordAttendanceCommand("g1", "s1", List.of("m1")), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_member_who_left_stays_on_the_attendance_they_were_recorded_on() {
        fixture.given(groupWithMeeting()).andGiven(new MemberAddedEvent("g1", "m2", "Max Muster", "VHS", MemberRole.MEMBER),
                        new AttendanceRecordedEvent("g1", "s1", List.of("m1")), new MemberRemovedEvent("g1", "m1", DAY))
                .when(new RecordAttendanceCommand("g1", "s1", List.of("m1", "m2")), LG)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_member_who_left_takes_no_task() {
        fixture.given(groupWithMeeting()).andGiven(new MemberRemovedEvent("g1", "m1", DAY))
                .when(new TakeDecisionCommand("g1", "s1", "d1", "t1", "Ausschreibung", "Text", null, null,
                        List.of(new TaskSpec("a1", "Vorbereiten", "m1", DAY.plusDays(1)))), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }
}
