package de.kim.contracts.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Nationalities and languages read as their names, in German unless English is asked for. */
class IsoNamesTest {

    @Test
    void a_nationality_reads_as_the_countrys_german_name() {
        assertThat(IsoNames.country("AFG", Locale.GERMAN)).contains("Afghanistan");
        assertThat(IsoNames.country("SYR", Locale.GERMAN)).contains("Syrien");
        assertThat(IsoNames.country("ukr", Locale.GERMAN)).contains("Ukraine");
        assertThat(IsoNames.country("SYR", Locale.ENGLISH)).contains("Syria");
    }

    @Test
    void a_language_reads_as_its_german_name_from_two_or_three_letters() {
        assertThat(IsoNames.language("ar", Locale.GERMAN)).contains("Arabisch");
        assertThat(IsoNames.language("ara", Locale.GERMAN)).contains("Arabisch");
        assertThat(IsoNames.language("fa", Locale.GERMAN)).contains("Persisch");
        assertThat(IsoNames.language("ti", Locale.GERMAN)).contains("Tigrinya");
        assertThat(IsoNames.language("de", Locale.ENGLISH)).contains("German");
    }

    @Test
    void an_unknown_or_empty_code_has_no_name() {
        assertThat(IsoNames.country("XYZ", Locale.GERMAN)).isEmpty();
        assertThat(IsoNames.country(null, Locale.GERMAN)).isEmpty();
        assertThat(IsoNames.language("qq", Locale.GERMAN)).isEmpty();
        assertThat(IsoNames.language(" ", Locale.GERMAN)).isEmpty();
    }
}
