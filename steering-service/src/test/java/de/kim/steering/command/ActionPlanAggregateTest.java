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
}
