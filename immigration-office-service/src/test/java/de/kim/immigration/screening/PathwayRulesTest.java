package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSGESTATTUNG;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static de.kim.immigration.api.ResidenceStatusType.NIEDERLASSUNGSERLAUBNIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pathway rule at and around its thresholds, with the rule sets as shipped. The day of
 * screening is fixed, so that each case names the exact day a threshold is crossed.
 */
class PathwayRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final PathwayScreener SCREENER = new PathwayScreener(RuleSetCatalog.fromClasspath());

    /** § 25a Abs. 1 Satz 1 Nr. 3 AufenthG: application from 14 and before the 27th birthday. */
    @ParameterizedTest(name = "§ 25a Nr. 3: born {0} -> {1}")
    @CsvSource({
            "2012-11-03, MISSING",
            "2012-11-02, MET",
            "2000-01-01, MET",
            "1999-11-03, MET",
            "1999-11-02, MISSING"})
    void section_25a_age_from_14_to_under_27(LocalDate birth, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25A, "age", Facts.person().bornOn(birth)
                .status(DULDUNG, LocalDate.of(2020, 1, 1)), DAY)).isEqualTo(expected);
    }

    /** § 25a Abs. 1 Satz 1 Nr. 1 AufenthG: three years of uninterrupted residence. */
    @ParameterizedTest(name = "§ 25a Nr. 1: tolerated since {0} -> {1}")
    @CsvSource({"2023-11-01, MET", "2023-11-02, MET", "2023-11-03, MISSING"})
    void section_25a_three_years_of_residence(LocalDate since, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25A, "residence", Facts.person().status(DULDUNG, since), DAY))
                .isEqualTo(expected);
    }

    /** § 25a Abs. 1 Satz 1 AufenthG: a Duldung for at least 12 months, or a permit under § 104c. */
    @ParameterizedTest(name = "§ 25a Satz 1: {0} {1} since {2} -> {3}")
    @CsvSource({
            "DULDUNG,,2025-11-02, MET",
            "DULDUNG,,2025-11-03, MISSING",
            "AUFENTHALTSERLAUBNIS,§ 104c,2026-10-01, MET",
            "AUFENTHALTSERLAUBNIS,§ 25 Abs. 5,2020-01-01, MISSING"})
    void section_25a_duldung_for_12_months_or_chancen(ResidenceStatusType type, String section, LocalDate since,
                                                      Outcome expected) {
        Facts facts = Facts.person().status(AUFENTHALTSGESTATTUNG, LocalDate.of(2019, 1, 1))
                .status(type, section, since);
        assertThat(outcome(Pathway.AUFENTHG_25A, "duldung", facts, DAY)).isEqualTo(expected);
    }

    /** § 25a Abs. 1 Satz 1 Nr. 2 AufenthG: three years at school, or a recognised degree. */
    @ParameterizedTest(name = "§ 25a Nr. 2: {0} since {1} -> {2}")
    @CsvSource({
            "SCHOOL_ATTENDANCE, 2023-11-02, MET",
            "SCHOOL_ATTENDANCE, 2023-11-03, MISSING",
            "SCHOOL_DEGREE, 2026-07-01, MET",
            "VOCATIONAL_DEGREE, 2026-07-01, MET",
            "EMPLOYMENT, 2020-07-01, MISSING"})
    void section_25a_school_for_three_years_or_a_degree(AchievementKind kind, LocalDate since, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25A, "school", Facts.person().status(DULDUNG, LocalDate.of(2020, 1, 1))
                .achievement(kind, since), DAY)).isEqualTo(expected);
    }

    /** § 25b Abs. 1 Satz 2 Nr. 1 AufenthG: six years, four with a minor child in the household. */
    @ParameterizedTest(name = "§ 25b Nr. 1: since {0}, child {1} -> {2}")
    @CsvSource({
            "2020-11-02, false, MET",
            "2020-11-03, false, MISSING",
            "2022-11-02, true, MET",
            "2022-11-03, true, MISSING",
            "2022-11-02, false, MISSING"})
    void section_25b_six_years_or_four_with_a_minor_child(LocalDate since, boolean child, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25B, "residence", Facts.person().withMinorChild(child)
                .status(DULDUNG, since), DAY)).isEqualTo(expected);
    }

    /** § 25b Abs. 1 Satz 2 Nr. 4 AufenthG: oral German at level A2. */
    @ParameterizedTest(name = "§ 25b Nr. 4: level {0} -> {1}")
    @CsvSource({"A1, MISSING", "A2, MET", "B1, MET", "C2, MET"})
    void section_25b_language_at_a2(LanguageLevel level, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25B, "language", Facts.person().status(DULDUNG, LocalDate.of(2018, 1, 1))
                .language(level, LocalDate.of(2026, 1, 1)), DAY)).isEqualTo(expected);
    }

    /** § 25b Abs. 1 Satz 1 AufenthG: a tolerated person or the holder of a permit under § 104c. */
    @ParameterizedTest(name = "§ 25b Satz 1: {0} {1} -> {2}")
    @CsvSource({
            "DULDUNG,, MET",
            "AUFENTHALTSERLAUBNIS,§ 104c, MET",
            "AUFENTHALTSERLAUBNIS,§ 25a, MISSING",
            "AUFENTHALTSGESTATTUNG,, MISSING"})
    void section_25b_duldung_or_chancen(ResidenceStatusType type, String section, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_25B, "duldung", Facts.person().status(type, section,
                LocalDate.of(2025, 6, 1)), DAY)).isEqualTo(expected);
    }

    /** § 104c Abs. 1 Satz 1 AufenthG: on 31.10.2022, five years of uninterrupted residence. */
    @ParameterizedTest(name = "§ 104c Abs. 1: resident since {0} -> {1}")
    @CsvSource({"2017-10-30, MET", "2017-10-31, MET", "2017-11-01, MISSING"})
    void section_104c_five_years_on_31_october_2022(LocalDate since, Outcome expected) {
        Facts facts = Facts.person().status(AUFENTHALTSGESTATTUNG, since).status(DULDUNG, LocalDate.of(2019, 3, 1));
        assertThat(outcome(Pathway.AUFENTHG_104C, "residence-on-cut-off", facts, LocalDate.of(2025, 6, 1)))
                .isEqualTo(expected);
    }

    /** § 104c Abs. 1 Satz 1 AufenthG: an interruption before the cut-off date restarts the five years. */
    @Test
    void section_104c_a_gap_interrupts_the_five_years() {
        RecordFacts facts = new RecordFacts(LocalDate.of(1990, 1, 1), false, java.util.List.of(
                new RecordFacts.StatusFact(DULDUNG, "§ 60a AufenthG", LocalDate.of(2015, 1, 1), LocalDate.of(2018, 12, 31)),
                new RecordFacts.StatusFact(DULDUNG, "§ 60a AufenthG", LocalDate.of(2019, 2, 1), null)), java.util.List.of());
        assertThat(SCREENER.screen(facts, LocalDate.of(2025, 6, 1)).pathways().stream()
                .filter(p -> p.pathway() == Pathway.AUFENTHG_104C).findFirst().orElseThrow().requirements().stream()
                .filter(r -> r.id().equals("residence-on-cut-off")).findFirst().orElseThrow().outcome())
                .isEqualTo(Outcome.MISSING);
    }

    /** § 9 Abs. 2 Satz 1 Nr. 1 AufenthG: five years with a residence permit (not humanitarian: § 26 Abs. 4 governs those). */
    @ParameterizedTest(name = "§ 9 Nr. 1: permit since {0} -> {1}")
    @CsvSource({"2021-11-02, MET", "2021-11-03, MISSING"})
    void section_9_five_years_with_a_permit(LocalDate since, Outcome expected) {
        Facts facts = Facts.person().status(DULDUNG, LocalDate.of(2015, 1, 1)).status(AUFENTHALTSERLAUBNIS, "§ 18b", since);
        assertThat(outcome(Pathway.AUFENTHG_9, "permit-years", facts, DAY)).isEqualTo(expected);
    }

    /** § 9 Abs. 2 Satz 1 Nr. 3 AufenthG: 60 months of pension contributions. */
    @ParameterizedTest(name = "§ 9 Nr. 3: {0} months -> {1}")
    @CsvSource({"59, MISSING", "60, MET", "61, MET"})
    void section_9_sixty_months_of_pension_contributions(int months, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_9, "pension", Facts.person()
                .status(AUFENTHALTSERLAUBNIS, "§ 18a", LocalDate.of(2020, 1, 1))
                .pensionMonths(months, LocalDate.of(2026, 1, 1)), DAY)).isEqualTo(expected);
    }

    /** § 9 Abs. 2 Satz 1 Nr. 7, Satz 2 AufenthG: German at B1, or a completed integration course. */
    @ParameterizedTest(name = "§ 9 Nr. 7: level {0} -> {1}")
    @CsvSource({"A2, MISSING", "B1, MET", "B2, MET"})
    void section_9_language_at_b1(LanguageLevel level, Outcome expected) {
        assertThat(outcome(Pathway.AUFENTHG_9, "language", Facts.person()
                .status(AUFENTHALTSERLAUBNIS, "§ 18a", LocalDate.of(2020, 1, 1))
                .language(level, LocalDate.of(2026, 1, 1)), DAY)).isEqualTo(expected);
    }

    /** § 9 Abs. 2 Satz 2 AufenthG: the integration course proves the language. */
    @Test
    void section_9_an_integration_course_proves_b1() {
        assertThat(outcome(Pathway.AUFENTHG_9, "language", Facts.person()
                .status(AUFENTHALTSERLAUBNIS, "§ 18a", LocalDate.of(2020, 1, 1))
                .achievement(AchievementKind.INTEGRATION_COURSE, LocalDate.of(2022, 1, 1)), DAY)).isEqualTo(Outcome.MET);
    }

    /** § 10 Abs. 1 Satz 1 StAG (since 27.06.2024): five years of lawful habitual residence; a Duldung does not count. */
    @ParameterizedTest(name = "§ 10 StAG: lawful since {0} -> {1}")
    @CsvSource({"2021-11-01, MET", "2021-11-02, MET", "2021-11-03, MISSING"})
    void stag_10_five_years_of_lawful_residence(LocalDate since, Outcome expected) {
        Facts facts = Facts.person().status(DULDUNG, LocalDate.of(2015, 1, 1))
                .status(AUFENTHALTSERLAUBNIS, "§ 25b", since);
        assertThat(outcome(Pathway.STAG_10, "lawful-residence", facts, DAY)).isEqualTo(expected);
    }

    /** § 10 Abs. 1 Satz 1 Nr. 6, Abs. 4 StAG: German at B1. */
    @ParameterizedTest(name = "§ 10 Nr. 6 StAG: level {0} -> {1}")
    @CsvSource({"A2, MISSING", "B1, MET", "C1, MET"})
    void stag_10_language_at_b1(LanguageLevel level, Outcome expected) {
        assertThat(outcome(Pathway.STAG_10, "language", Facts.person()
                .status(NIEDERLASSUNGSERLAUBNIS, LocalDate.of(2018, 1, 1))
                .language(level, LocalDate.of(2026, 1, 1)), DAY)).isEqualTo(expected);
    }

    /** § 10 Abs. 1 Satz 1 Nr. 2 StAG: a permanent right, or a permit whose purpose is not excluded. */
    @ParameterizedTest(name = "§ 10 Nr. 2 StAG: {0} {1} -> {2}")
    @CsvSource({
            "NIEDERLASSUNGSERLAUBNIS,, MET",
            "ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU,, MET",
            "AUFENTHALTSERLAUBNIS,§ 25 Abs. 2, MET",
            "AUFENTHALTSERLAUBNIS,§ 25b, MET",
            "AUFENTHALTSERLAUBNIS,§ 16b, MISSING",
            "AUFENTHALTSERLAUBNIS,§ 25 Abs. 5, MISSING",
            "DULDUNG,, MISSING"})
    void stag_10_a_right_of_residence_that_can_last(ResidenceStatusType type, String section, Outcome expected) {
        assertThat(outcome(Pathway.STAG_10, "right-of-residence", Facts.person()
                .status(type, section, LocalDate.of(2020, 1, 1)), DAY)).isEqualTo(expected);
    }

    @Test
    void a_person_meeting_every_screenable_requirement_of_25b_is_a_candidate_with_items_for_the_officer() {
        RecordFacts facts = Facts.person().status(DULDUNG, LocalDate.of(2019, 1, 1))
                .language(LanguageLevel.A2, LocalDate.of(2026, 3, 1))
                .achievement(AchievementKind.ORIENTATION_COURSE, LocalDate.of(2026, 4, 1))
                .achievement(AchievementKind.EMPLOYMENT, LocalDate.of(2025, 1, 1)).build();
        PathwayScreening screening = pathway(Pathway.AUFENTHG_25B, facts, DAY);
        assertThat(screening.verdict()).isEqualTo(Verdict.CANDIDATE);
        assertThat(screening.ruleSetVersion()).isEqualTo(3);
        assertThat(screening.requirements()).anyMatch(r -> r.outcome() == Outcome.TO_CHECK);
        assertThat(screening.requirements()).allMatch(r -> r.citation().contains("AufenthG"));
    }

    static Outcome outcome(Pathway pathway, String requirement, Facts facts, LocalDate day) {
        return pathway(pathway, facts.build(), day).requirements().stream()
                .filter(r -> r.id().equals(requirement)).findFirst().orElseThrow().outcome();
    }

    static PathwayScreening pathway(Pathway pathway, RecordFacts facts, LocalDate day) {
        return SCREENER.screen(facts, day).pathways().stream().filter(p -> p.pathway() == pathway).findFirst()
                .orElseThrow();
    }
}
