package de.kim.steering.command;

import de.kim.contracts.vocabulary.Body;
import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.steering.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** The rules of the action plan, one test each. */
class ActionPlanAggregateTest {

    private static final String PLAN = "kreis-mettmann";
    private static final Map<String, String> LG = Map.of("tenant", PLAN, "actor", "lg-mitglied");
    private AggregateTestFixture<ActionPlanAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ActionPlanAggregate.class);
    }

    private GoalAdoptedEvent goal() {
        return new GoalAdoptedEvent(PLAN, "g1", "Sprachkurse mit Kinderbetreuung in jedem Ort", null, "LANGUAGE");
    }

    @Test
    void the_plan_comes_into_being_with_its_first_goal() {
        fixture.givenNoPriorActivity()
                .when(new AdoptGoalCommand(PLAN, "g1", "Sprachkurse mit Kinderbetreuung in jedem Ort", null, "LANGUAGE"), LG)
                .expectEvents(goal());
    }

    @Test
    void a_tenant_works_only_on_its_own_plan() {
        fixture.givenNoPriorActivity()
                .when(new AdoptGoalCommand("kreis-musterland", "g1", "Ziel", null, null), LG)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void an_indicator_binds_to_an_adopted_goal_only() {
        fixture.given(goal())
                .when(new BindIndicatorCommand(PLAN, "g9", "i1", Metric.CASES_OPENED, Direction.AT_LEAST, 10,
                        YearMonth.of(2026, 1), YearMonth.of(2026, 12), null), LG)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void an_indicator_period_does_not_end_before_it_starts() {
        fixture.given(goal())
                .when(new BindIndicatorCommand(PLAN, "g1", "i1", Metric.CASES_OPENED, Direction.AT_LEAST, 10,
                        YearMonth.of(2026, 12), YearMonth.of(2026, 1), null), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_finished_measure_does_not_move_again() {
        fixture.given(goal(), new MeasureAddedEvent(PLAN, "g1", "m1", "Kurs in Wülfrath", "KI", LocalDate.of(2027, 3, 1)),
                        new MeasureStatusChangedEvent(PLAN, "g1", "m1", MeasureStatus.DONE))
                .when(new ChangeMeasureStatusCommand(PLAN, "g1", "m1", MeasureStatus.UNDER_WAY), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_decision_is_recorded_with_its_date_and_body() {
        fixture.given(goal())
                .when(new RecordDecisionCommand(PLAN, "d1", Body.STEERING_GROUP, LocalDate.of(2026, 11, 12),
                        "Projektgruppe Sprache", "Die Lenkungsgruppe setzt eine Projektgruppe ein.", "g1"), LG)
                .expectEvents(new DecisionRecordedEvent(PLAN, "d1", Body.STEERING_GROUP, LocalDate.of(2026, 11, 12),
                        "Projektgruppe Sprache", "Die Lenkungsgruppe setzt eine Projektgruppe ein.", "g1"));
    }

    @Test
    void a_goal_changes_only_in_a_draft() {
        fixture.given(goal())
                .when(new ChangeGoalCommand(PLAN, "g1", "Sprachkurse überall", null, "LANGUAGE"), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_goal_retires_in_the_open_draft_of_the_next_version() {
        fixture.given(goal(), new PlanDraftStartedEvent(PLAN, 1),
                        new PlanVersionAdoptedEvent(PLAN, 1, LocalDate.of(2026, 3, 12), "d1", "s1"),
                        new PlanDraftStartedEvent(PLAN, 2))
                .when(new RetireGoalCommand(PLAN, "g1"), LG)
                .expectEvents(new GoalRetiredEvent(PLAN, 2, "g1"));
    }

    @Test
    void the_next_draft_is_numbered_after_the_version_adopted() {
        fixture.given(goal(), new PlanDraftStartedEvent(PLAN, 1),
                        new PlanVersionAdoptedEvent(PLAN, 1, LocalDate.of(2026, 3, 12), "d1", "s1"))
                .when(new StartPlanDraftCommand(PLAN), LG)
                .expectEvents(new PlanDraftStartedEvent(PLAN, 2)).expectResultMessagePayload(2);
    }

    @Test
    void only_one_draft_is_open_at_a_time() {
        fixture.given(goal(), new PlanDraftStartedEvent(PLAN, 1))
                .when(new StartPlanDraftCommand(PLAN), LG)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_version_is_not_adopted_before_the_one_before_it() {
        fixture.given(goal(), new PlanDraftStartedEvent(PLAN, 1),
                        new PlanVersionAdoptedEvent(PLAN, 1, LocalDate.of(2026, 3, 12), "d1", "s1"),
                        new PlanDraftStartedEvent(PLAN, 2))
                .when(new AdoptPlanVersionCommand(PLAN, 2, LocalDate.of(2026, 1, 5), "d2", "s2"), LG)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_retired_indicator_cannot_be_changed_again() {
        fixture.given(goal(), new IndicatorBoundEvent(PLAN, "g1", "i1", Metric.CASES_OPENED, Direction.AT_LEAST, 10,
                                null, null, null), new PlanDraftStartedEvent(PLAN, 1),
                        new IndicatorRetiredEvent(PLAN, 1, "g1", "i1"))
                .when(new ChangeIndicatorCommand(PLAN, "g1", "i1", Metric.CASES_OPENED, Direction.AT_LEAST, 20,
                        null, null, null), LG)
                .expectException(NotFoundException.class).expectNoEvents();
    }
}
