package de.kim.immigration.screening;

import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.Pathway;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new version of a rule set changes the screening from its effective date on, and not a day earlier. */
class RuleSetEffectiveDateTest {

    private final RuleSetCatalog shipped = RuleSetCatalog.fromClasspath();

    @Test
    void a_future_rule_set_version_applies_only_from_its_effective_date() {
        RuleSet current = shipped.inForce(Pathway.AUFENTHG_25B, LocalDate.of(2026, 11, 2)).orElseThrow();
        List<Requirement> fiveYears = new ArrayList<>();
        for (Requirement r : current.requirements()) {
            Requirement.Params p = r.params();
            fiveYears.add(!r.id().equals("residence") ? r : new Requirement(r.id(), r.text(), r.citation(), r.check(),
                    new Requirement.Params(p.statuses(), p.minMonths(), p.alternatives(), p.excludedSections(), 5,
                            p.reducedYears(), p.reducedIf(), p.onDate(), p.minAge(), p.maxAgeExclusive(), p.level(),
                            p.kinds(), p.satisfiedBy(), p.months(), p.notCounted()), r.fieldOfAction()));
        }
        RuleSet amended = new RuleSet(current.id(), 8, current.pathway(), current.title(), current.legalBasis(),
                LocalDate.of(2027, 1, 1), null, "invented amendment for this test", fiveYears);
        List<RuleSet> all = new ArrayList<>(shipped.all());
        all.add(amended);
        PathwayScreener screener = new PathwayScreener(new RuleSetCatalog(all));
        RecordFacts fiveAndAHalfYears = Facts.person().status(DULDUNG, LocalDate.of(2021, 7, 1)).build();

        PathwayScreening before = screen(screener, fiveAndAHalfYears, LocalDate.of(2026, 12, 31));
        PathwayScreening from = screen(screener, fiveAndAHalfYears, LocalDate.of(2027, 1, 1));

        assertThat(before.ruleSetVersion()).isEqualTo(3);
        assertThat(residence(before)).isEqualTo(Outcome.MISSING);
        assertThat(from.ruleSetVersion()).isEqualTo(8);
        assertThat(from.ruleSetEffectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(residence(from)).isEqualTo(Outcome.MET);
    }

    @Test
    void the_2022_reform_shortened_25b_from_eight_to_six_years_on_31_december_2022() {
        PathwayScreener screener = new PathwayScreener(shipped);
        RecordFacts sevenYears = Facts.person().status(DULDUNG, LocalDate.of(2015, 12, 1)).build();

        // v4: the 2015 rules with the § 60b correction from 21.08.2019; v3: the 2022 rules with it
        assertThat(screen(screener, sevenYears, LocalDate.of(2022, 12, 30)).ruleSetVersion()).isEqualTo(4);
        assertThat(residence(screen(screener, sevenYears, LocalDate.of(2022, 12, 30)))).isEqualTo(Outcome.MISSING);
        assertThat(screen(screener, sevenYears, LocalDate.of(2022, 12, 31)).ruleSetVersion()).isEqualTo(3);
        assertThat(residence(screen(screener, sevenYears, LocalDate.of(2022, 12, 31)))).isEqualTo(Outcome.MET);
    }

    @Test
    void the_2024_reform_shortened_naturalisation_from_eight_to_five_years_on_27_june_2024() {
        PathwayScreener screener = new PathwayScreener(shipped);
        RecordFacts sixYears = Facts.person().status(AUFENTHALTSERLAUBNIS, "§ 18b", LocalDate.of(2018, 1, 1))
                .language(LanguageLevel.B1, LocalDate.of(2020, 1, 1)).build();

        PathwayScreening before = PathwayRulesTest.pathway(Pathway.STAG_10, sixYears, LocalDate.of(2024, 6, 26));
        PathwayScreening after = PathwayRulesTest.pathway(Pathway.STAG_10, sixYears, LocalDate.of(2024, 6, 27));
        assertThat(before.ruleSetVersion()).isEqualTo(4); // the 2008 rules as corrected
        assertThat(requirement(before, "lawful-residence")).isEqualTo(Outcome.MISSING);
        assertThat(after.ruleSetVersion()).isEqualTo(2);
        assertThat(requirement(after, "lawful-residence")).isEqualTo(Outcome.MET);
    }

    @Test
    void the_chancen_aufenthaltsrecht_is_screened_only_while_it_is_in_force() {
        RecordFacts tolerated = Facts.person().status(DULDUNG, LocalDate.of(2015, 1, 1)).build();
        assertThat(PathwayRulesTest.pathway(Pathway.AUFENTHG_104C, tolerated, LocalDate.of(2022, 12, 30)).verdict())
                .isEqualTo(Verdict.NOT_IN_FORCE);
        assertThat(PathwayRulesTest.pathway(Pathway.AUFENTHG_104C, tolerated, LocalDate.of(2022, 12, 31)).verdict())
                .isEqualTo(Verdict.CANDIDATE);
        assertThat(PathwayRulesTest.pathway(Pathway.AUFENTHG_104C, tolerated, LocalDate.of(2025, 12, 31)).verdict())
                .isEqualTo(Verdict.CANDIDATE);
        assertThat(PathwayRulesTest.pathway(Pathway.AUFENTHG_104C, tolerated, LocalDate.of(2026, 1, 1)).verdict())
                .isEqualTo(Verdict.NOT_IN_FORCE);
    }

    @Test
    void every_shipped_requirement_cites_its_provision_and_every_pathway_is_in_force_today() {
        assertThat(shipped.all()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(shipped.all()).allSatisfy(r -> assertThat(r.requirements())
                .allSatisfy(q -> assertThat(q.citation()).matches(".*§ \\d+[a-z]?.*(AufenthG|StAG|AsylG).*")));
        assertThat(shipped.inForce(LocalDate.of(2026, 11, 2))).extracting(RuleSet::pathway)
                .containsExactly(Pathway.AUFENTHG_25A, Pathway.AUFENTHG_25B, Pathway.AUFENTHG_9, Pathway.STAG_10);
    }

    @Test
    void two_versions_starting_the_same_day_are_refused() {
        RuleSet current = shipped.inForce(Pathway.AUFENTHG_25B, LocalDate.of(2026, 11, 2)).orElseThrow();
        List<RuleSet> all = new ArrayList<>(shipped.all());
        all.add(new RuleSet(current.id(), 9, current.pathway(), current.title(), current.legalBasis(),
                current.effectiveFrom(), null, "duplicate", current.requirements()));
        assertThatThrownBy(() -> new RuleSetCatalog(all)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_chancen_clock_runs_18_months_from_the_permit() {
        RecordFacts chancen = Facts.person().status(DULDUNG, LocalDate.of(2015, 1, 1))
                .status(AUFENTHALTSERLAUBNIS, "§ 104c", LocalDate.of(2025, 6, 1)).build();
        ChancenClock clock = ChancenClock.of(chancen, LocalDate.of(2026, 11, 2)).orElseThrow();
        assertThat(clock.endsOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(clock.daysLeft()).isEqualTo(28);
    }

    private static PathwayScreening screen(PathwayScreener screener, RecordFacts facts, LocalDate day) {
        return screener.screen(facts, day).pathways().stream().filter(p -> p.pathway() == Pathway.AUFENTHG_25B)
                .findFirst().orElseThrow();
    }

    private static Outcome residence(PathwayScreening screening) {
        return requirement(screening, "residence");
    }

    private static Outcome requirement(PathwayScreening screening, String id) {
        return screening.requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().outcome();
    }
}
