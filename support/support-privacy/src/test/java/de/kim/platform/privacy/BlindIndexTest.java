package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The blind index finds a person by any beginning of a name (umlauts spelt or typed), by the date of
 * birth or as a whole person, under a key of the tenant and the service that never leaves the key store
 * unsealed.
 */
class BlindIndexTest {

    private static final LocalDate BORN = LocalDate.of(1990, 4, 12);

    private final JdbcTemplate serviceDatabase = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:service-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")), new ObjectMapper(),
            Clock.systemUTC());
    private final BlindIndex index;

    BlindIndexTest() {
        serviceDatabase.execute("create table kim_test_search_key (tenant varchar(64) not null primary key,"
                + " sealed_key varchar(1000) not null)");
        index = new BlindIndex(new BlindIndexKeys(serviceDatabase, vault, "kim_test_search_key", "test-index:"));
    }

    @AfterEach
    void close() throws Exception {
        vault.close();
    }

    @Test
    void every_beginning_of_a_name_finds_the_person_with_umlauts_typed_or_spelt_out() {
        List<String> tokens = index.personTokens("kreis-mettmann", "Müller-Lüdenscheidt", "Amina", BORN);

        for (String search : List.of("mü", "Mueller", "MÜL", "müller", "lued", "Lüdenscheidt", "am", "Amina")) {
            assertThat(BlindIndex.words(search)).allSatisfy(word ->
                    assertThat(tokens).as(search).contains(index.nameToken("kreis-mettmann", word)));
        }
        assertThat(tokens).as("an accent-free spelling is another name")
                .doesNotContain(index.nameToken("kreis-mettmann", "muller"));
        assertThat(tokens).as("a part in the middle of a name is no beginning")
                .doesNotContain(index.nameToken("kreis-mettmann", "ller"));
        assertThat(tokens).contains(index.dateOfBirthToken("kreis-mettmann", BORN))
                .doesNotContain(index.dateOfBirthToken("kreis-mettmann", BORN.plusDays(1)));
    }

    @Test
    void words_are_folded_lower_case_umlauts_spelt_out_accents_dropped_split_at_anything_else() {
        assertThat(BlindIndex.words("Groß-Öztürk  José O'Neil")).containsExactly("gross", "oeztuerk", "jose", "o", "neil");
        assertThat(BlindIndex.words(" - ")).isEmpty();
    }

    @Test
    void a_search_word_longer_than_the_longest_prefix_still_finds_the_name() {
        String longName = "Abcdefghijklmnopqrstuvwxyz";
        List<String> tokens = index.personTokens("kreis-mettmann", longName, "Amina", BORN);

        assertThat(tokens).contains(index.nameToken("kreis-mettmann", "abcdefghijklmnopqrstuvwxyz"));
    }

    @Test
    void the_same_person_spelt_differently_is_the_same_person_but_another_birthday_is_not() {
        String person = index.personToken("kreis-mettmann", "Müller", "Amina", BORN);

        assertThat(index.personToken("kreis-mettmann", "MUELLER", " amina ", BORN)).isEqualTo(person);
        assertThat(index.personToken("kreis-mettmann", "Müller", "Amina", BORN.plusDays(1))).isNotEqualTo(person);
        assertThat(index.personTokens("kreis-mettmann", "Müller", "Amina", BORN)).contains(person);
    }

    @Test
    void a_missing_part_gives_no_token_and_a_whole_value_is_found_only_whole() {
        assertThat(index.personTokens("kreis-mettmann", null, null, null)).isEmpty();
        assertThat(index.personTokens("kreis-mettmann", "Müller", null, null))
                .doesNotContain(index.dateOfBirthToken("kreis-mettmann", BORN)).isNotEmpty();

        String whole = index.wholeValueToken("kreis-mettmann", 'f', "ab 12/34");
        assertThat(whole).isEqualTo(index.wholeValueToken("kreis-mettmann", 'f', "ab 12/34"))
                .isNotEqualTo(index.wholeValueToken("kreis-mettmann", 'f', "ab 12"))
                .isNotEqualTo(index.wholeValueToken("kreis-mettmann", 'g', "ab 12/34"));
        assertThatThrownBy(() -> index.wholeValueToken("kreis-mettmann", 'n', "mu"))
                .as("a whole value cannot pose as a name prefix").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_tenant_and_each_service_hashes_with_its_own_key_kept_sealed_and_read_again_after_a_restart() {
        String token = index.nameToken("kreis-mettmann", "mu");

        assertThat(index.nameToken("kreis-musterland", "mu")).as("another tenant").isNotEqualTo(token);
        serviceDatabase.execute("create table kim_other_search_key (tenant varchar(64) not null primary key,"
                + " sealed_key varchar(1000) not null)");
        BlindIndex otherService = new BlindIndex(new BlindIndexKeys(serviceDatabase, vault, "kim_other_search_key", "other-index:"));
        assertThat(otherService.nameToken("kreis-mettmann", "mu")).as("another service").isNotEqualTo(token);

        BlindIndex restarted = new BlindIndex(new BlindIndexKeys(serviceDatabase, vault, "kim_test_search_key", "test-index:"));
        assertThat(restarted.nameToken("kreis-mettmann", "mu")).isEqualTo(token);
        String stored = serviceDatabase.queryForObject(
                "select sealed_key from kim_test_search_key where tenant = 'kreis-mettmann'", String.class);
        String key = vault.open("kreis-mettmann", new Sealed("test-index:kreis-mettmann", stored), String.class).orElseThrow();
        assertThat(stored).as("kept sealed, not as the key itself").doesNotContain(key);
    }
}
