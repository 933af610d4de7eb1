package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.Pathway;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSERLAUBNIS;
import static de.kim.immigration.api.ResidenceStatusType.AUFENTHALTSGESTATTUNG;
import static de.kim.immigration.api.ResidenceStatusType.DULDUNG;
import static de.kim.immigration.screening.PathwayRulesTest.pathway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corrections of the shipped rule sets, each a new version with its effective date and citation: § 60b time,
 * identity and passport, § 26 Abs. 4 instead of § 9, the end of the three-year naturalisation, the 2008 list of
 * § 10 Abs. 1 Satz 1 Nr. 2 StAG. Invented people.
 */
class LegalCorrectionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void time_on_a_60b_duldung_does_not_count_towards_25b_section_60b_para_5_sentence_1() {
        RecordFacts plain = Facts.person()
                .status(DULDUNG, LocalDate.of(2020, 1, 1)).build();
        RecordFacts withAYearUnder60b = Facts.person()
                .status(DULDUNG, LocalDate.of(2020, 1, 1))
                .status(DULDUNG, "§ 60b", LocalDate.of(2021, 1, 1))
                .status(DULDUNG, LocalDate.of(2022, 1, 1)).build();

        assertThat(requirement(pathway(Pathway.AUFENTHG_25B, plain, DAY), "residence").outcome())
                .isEqualTo(Outcome.MET);
        RequirementResult residence = requirement(pathway(Pathway.AUFENTHG_25B, withAYearUnder60b, DAY), "residence");
        assertThat(residence.outcome()).isEqualTo(Outcome.MISSING);
        assertThat(residence.reasonKey()).isEqualTo("screening.reason.residence.too-short-not-counted");
        assertThat(residence.reasonArguments()).last().isEqualTo("365");
        // the 60b year does not interrupt: a year after the six counted ones, the requirement is met
        assertThat(requirement(pathway(Pathway.AUFENTHG_25B, withAYearUnder60b, LocalDate.of(2027, 1, 1)),
                "residence").outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void time_on_a_60b_duldung_does_not_count_towards_25a_section_60b_para_5_sentence_1() {
        RecordFacts young = Facts.person().bornOn(LocalDate.of(2008, 3, 1))
                .status(AUFENTHALTSGESTATTUNG, LocalDate.of(2021, 1, 1))
                .status(DULDUNG, "§ 60b", LocalDate.of(2025, 6, 1))
                .achievement(AchievementKind.SCHOOL_DEGREE, LocalDate.of(2025, 7, 1)).build();
        RecordFacts sameButPlainDuldung = Facts.person().bornOn(LocalDate.of(2008, 3, 1))
                .status(AUFENTHALTSGESTATTUNG, LocalDate.of(2021, 1, 1))
                .status(DULDUNG, LocalDate.of(2025, 6, 1))
                .achievement(AchievementKind.SCHOOL_DEGREE, LocalDate.of(2025, 7, 1)).build();

        assertThat(requirement(pathway(Pathway.AUFENTHG_25A, sameButPlainDuldung, DAY), "duldung").outcome())
                .isEqualTo(Outcome.MET);
        PathwayScreening screening = pathway(Pathway.AUFENTHG_25A, young, DAY);
        assertThat(requirement(screening, "duldung").outcome()).isEqualTo(Outcome.MISSING);
        assertThat(requirement(screening, "duldung").reasonKey())
                .isEqualTo("screening.reason.status.too-short-not-counted");
        assertThat(screening.verdict()).isEqualTo(Verdict.REQUIREMENTS_MISSING);
    }

    @Test
    void the_60b_correction_applies_from_21_august_2019_and_corrects_the_2022_version_on_its_own_day() {
        RecordFacts tolerated = Facts.person().status(DULDUNG, LocalDate.of(2010, 1, 1)).build();
        assertThat(pathway(Pathway.AUFENTHG_25B, tolerated, LocalDate.of(2019, 8, 20)).ruleSetVersion()).isEqualTo(1);
        assertThat(pathway(Pathway.AUFENTHG_25B, tolerated, LocalDate.of(2019, 8, 21)).ruleSetVersion()).isEqualTo(4);
        assertThat(pathway(Pathway.AUFENTHG_25B, tolerated, LocalDate.of(2022, 12, 31)).ruleSetVersion()).isEqualTo(3);
        assertThat(pathway(Pathway.AUFENTHG_25A, tolerated, LocalDate.of(2022, 12, 31)).ruleSetVersion()).isEqualTo(3);
        RuleSet corrected = RuleSetCatalog.fromClasspath().find("aufenthg-25b", 3).orElseThrow();
        assertThat(corrected.corrects()).isEqualTo(2);
        assertThat(corrected.source()).contains("§ 60b Abs. 5 Satz 1 AufenthG", "21.08.2019");
    }

    @Test
    void identity_and_passport_are_officer_checks_section_5_para_1_nr_1a_and_nr_4_with_section_3() {
        RecordFacts tolerated = Facts.person().bornOn(LocalDate.of(2006, 1, 1))
                .status(DULDUNG, LocalDate.of(2018, 1, 1)).build();
        for (Pathway pathway : new Pathway[]{Pathway.AUFENTHG_25A, Pathway.AUFENTHG_25B, Pathway.AUFENTHG_9}) {
            PathwayScreening screening = pathway(pathway, tolerated, DAY);
            assertThat(requirement(screening, "identity").citation()).isEqualTo("§ 5 Abs. 1 Nr. 1a AufenthG");
            assertThat(requirement(screening, "identity").outcome()).isEqualTo(Outcome.TO_CHECK);
            assertThat(requirement(screening, "passport").citation()).isEqualTo("§ 5 Abs. 1 Nr. 4 mit § 3 AufenthG");
            assertThat(requirement(screening, "passport").outcome()).isEqualTo(Outcome.TO_CHECK);
        }
        assertThat(requirement(pathway(Pathway.STAG_10, tolerated, DAY), "identity").citation())
                .isEqualTo("§ 10 Abs. 1 Satz 1 StAG");
    }

    @Test
    void section_9_is_not_screened_for_a_humanitarian_permit_section_26_para_4_governs() {
        RecordFacts humanitarian = Facts.person().status(AUFENTHALTSERLAUBNIS, "§ 25 Abs. 2", LocalDate.of(2018, 1, 1))
                .build();
        RecordFacts skilledWorker = Facts.person().status(AUFENTHALTSERLAUBNIS, "§ 18b", LocalDate.of(2018, 1, 1))
                .build();

        PathwayScreening referred = pathway(Pathway.AUFENTHG_9, humanitarian, DAY);
        assertThat(referred.verdict()).isEqualTo(Verdict.OTHER_PROVISION);
        assertThat(referred.referredTo()).isEqualTo("§ 26 Abs. 4 AufenthG");
        assertThat(referred.requirements()).isEmpty();
        assertThat(pathway(Pathway.AUFENTHG_9, skilledWorker, DAY).verdict()).isEqualTo(Verdict.REQUIREMENTS_MISSING);
        assertThat(pathway(Pathway.AUFENTHG_9, humanitarian, DAY).ruleSetVersion()).isEqualTo(2);
    }

    @Test
    void naturalisation_after_three_years_is_gone_from_30_october_2025_section_10_para_3_stag_struck_out() {
        RecordFacts resident = Facts.person().status(AUFENTHALTSERLAUBNIS, "§ 18b", LocalDate.of(2019, 1, 1)).build();
        assertThat(pathway(Pathway.STAG_10, resident, LocalDate.of(2025, 10, 29)).ruleSetVersion()).isEqualTo(2);
        PathwayScreening now = pathway(Pathway.STAG_10, resident, LocalDate.of(2025, 10, 30));
        assertThat(now.ruleSetVersion()).isEqualTo(3);
        RuleSet current = RuleSetCatalog.fromClasspath().find("stag-10", 3).orElseThrow();
        assertThat(current.source()).contains("BGBl. 2025 I Nr. 256", "30.10.2025", "§ 10 Abs. 3 StAG");
        assertThat(current.requirements()).allSatisfy(r -> assertThat(r.text().de()).doesNotContain("drei Jahre",
                "3 Jahre", "8 Jahre", "acht Jahre"));
        assertThat(current.requirements()).filteredOn(r -> r.check() == CheckType.RESIDENCE_YEARS)
                .singleElement().satisfies(r -> assertThat(r.params().years()).isEqualTo(5));
    }

    @Test
    void the_2008_version_excludes_the_purposes_listed_then_section_10_para_1_sentence_1_nr_2_stag() {
        RecordFacts student = Facts.person().status(AUFENTHALTSERLAUBNIS, "§ 16", LocalDate.of(2000, 1, 1)).build();
        PathwayScreening in2010 = pathway(Pathway.STAG_10, student, LocalDate.of(2010, 1, 1));
        assertThat(in2010.ruleSetVersion()).isEqualTo(4);
        assertThat(requirement(in2010, "right-of-residence").outcome()).isEqualTo(Outcome.MISSING);
        assertThat(requirement(in2010, "right-of-residence").reasonKey())
                .isEqualTo("screening.reason.status.excluded-purpose");
    }

    private static RequirementResult requirement(PathwayScreening screening, String id) {
        return screening.requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
