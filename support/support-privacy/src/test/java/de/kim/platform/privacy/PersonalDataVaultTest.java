package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's key is bound to the tenant it was made in, and shredding it is final. */
class PersonalDataVaultTest {

    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")), new ObjectMapper(),
            Clock.systemUTC());

    @AfterEach
    void close() throws Exception {
        vault.close();
    }

    @Test
    void data_sealed_in_one_tenant_cannot_be_opened_in_the_name_of_another() {
        Sealed sealed = vault.seal("kreis-mettmann", "case-1", Map.of("givenName", "Amina"));

        assertThat(vault.open("kreis-mettmann", sealed, Map.class)).contains(Map.of("givenName", "Amina"));
        assertThatThrownBy(() -> vault.open("kreis-musterland", sealed, Map.class)).isInstanceOf(ForeignTenantException.class);
        assertThatThrownBy(() -> vault.seal("kreis-musterland", "case-1", Map.of("givenName", "Eve")))
                .as("nor can another tenant seal under that person's key").isInstanceOf(ForeignTenantException.class);
        assertThat(vault.isOf("kreis-mettmann", "case-1")).isTrue();
        assertThat(vault.isOf("kreis-musterland", "case-1")).isFalse();
        assertThat(vault.isOf("kreis-mettmann", "case-never-sealed")).isFalse();
    }

    @Test
    void after_shredding_nothing_opens_and_nothing_new_is_sealed_but_the_tenant_is_still_known() {
        Sealed sealed = vault.seal("kreis-mettmann", "case-2", Map.of("givenName", "Amina"));

        vault.shred("kreis-mettmann", "case-2");

        assertThat(vault.open("kreis-mettmann", sealed, Map.class)).isEmpty();
        assertThatThrownBy(() -> vault.seal("kreis-mettmann", "case-2", Map.of("givenName", "Amina")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(vault.isOf("kreis-mettmann", "case-2")).isTrue();
    }

    @Test
    void keys_read_for_a_batch_open_each_value_as_reading_them_one_by_one_would() {
        Sealed amina = vault.seal("kreis-mettmann", "case-3", Map.of("givenName", "Amina"));
        Sealed erased = vault.seal("kreis-mettmann", "case-4", Map.of("givenName", "Jonas"));
        vault.shred("kreis-mettmann", "case-4");
        Sealed foreign = vault.seal("kreis-musterland", "case-5", Map.of("givenName", "Eve"));

        vault.withKeysCached(() -> {
            vault.prefetchKeys(List.of("case-3", "case-4", "case-5", "case-never-sealed", "case-3"));
            // Read in the batch: a shredding after it is seen by the next rebuild, not by this one.
            vault.shred("kreis-mettmann", "case-3");

            assertThat(vault.open("kreis-mettmann", amina, Map.class)).contains(Map.of("givenName", "Amina"));
            assertThat(vault.open("kreis-mettmann", erased, Map.class)).as("erased before the batch").isEmpty();
            assertThatThrownBy(() -> vault.open("kreis-mettmann", foreign, Map.class))
                    .isInstanceOf(ForeignTenantException.class);
            assertThat(vault.open("kreis-musterland", foreign, Map.class)).contains(Map.of("givenName", "Eve"));
        });
        assertThat(vault.open("kreis-mettmann", amina, Map.class)).as("outside the batch's work").isEmpty();
    }
}
