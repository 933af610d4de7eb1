package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data keys are held as keys should be: wrapped by a key-encryption key that is not in the key
 * store, re-wrapped on rotation, wrapped on first start when found in the clear, and erased for
 * good even after the key store is restored from a backup older than the erasure.
 */
class KeyWrappingTest {

    private static final String KEK_1 = KeyEncryptionKeys.newKeyText("kek-2026-01");
    private static final String KEK_2 = KeyEncryptionKeys.newKeyText("kek-2026-07");

    private final JdbcTemplate keyStore = database();
    private final JdbcTemplate serviceDatabase = database();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_key_store_holds_no_data_key_in_the_clear_and_without_the_kek_nothing_opens() {
        PersonalDataVault vault = vault(KEK_1);
        Sealed sealed = vault.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));

        Map<String, Object> row = keyStore.queryForMap("select * from kim_person_key where subject = 'person-1'");
        assertThat(row.get("SECRET")).as("no key in the clear").isNull();
        assertThat(row.get("KEK_ID")).isEqualTo("kek-2026-01");
        assertThat(Base64.getDecoder().decode((String) row.get("WRAPPED"))).hasSizeGreaterThan(32);

        assertThatThrownBy(() -> vault(KEK_2).open("kreis-mettmann", sealed, Map.class))
                .as("another KEK alone does not make the person look erased: it refuses to start")
                .hasMessageContaining("kek-2026-01").hasMessageContaining("not given");
        assertThat(vault(KEK_1).open("kreis-mettmann", sealed, Map.class)).contains(Map.of("givenName", "Amina"));
    }

    @Test
    void a_wrapped_key_copied_to_another_person_or_tenant_does_not_unwrap() {
        PersonalDataVault vault = vault(KEK_1);
        vault.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        Sealed other = vault.seal("kreis-musterland", "person-2", Map.of("givenName", "Max"));
        keyStore.update("update kim_person_key set wrapped = (select wrapped from kim_person_key where subject = 'person-1') "
                + "where subject = 'person-2'");

        assertThatThrownBy(() -> vault.open("kreis-musterland", other, Map.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not unwrap");
    }

    @Test
    void rotation_rewraps_every_key_with_the_new_kek_and_the_previous_one_can_then_go() {
        Sealed sealed = vault(KEK_1).seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        vault(KEK_1).shred("kreis-mettmann", "person-gone");

        vault(KEK_2 + "\n" + KEK_1);

        assertThat(keyStore.queryForList("select kek_id from kim_person_key where subject = 'person-1'", String.class))
                .containsExactly("kek-2026-07");
        assertThat(vault(KEK_2).open("kreis-mettmann", sealed, Map.class))
                .as("after the re-wrap the old KEK is not needed").contains(Map.of("givenName", "Amina"));
        assertThat(vault(KEK_2).holdsKeyOf("person-gone")).as("a rotation brings no shredded key back").isFalse();
    }

    @Test
    void keys_stored_in_the_clear_before_wrapping_are_wrapped_at_start_and_still_open_what_they_sealed() {
        PersonalDataVault old = vault(KEK_1);
        Sealed sealed = old.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        // a key store of before wrapping: the data key in the clear, no KEK named
        byte[] raw = KeyEncryptionKeys.parse(KEK_1, "test").unwrap("kek-2026-01",
                keyStore.queryForObject("select wrapped from kim_person_key where subject = 'person-1'", String.class),
                "kreis-mettmann", "person-1").orElseThrow();
        keyStore.update("update kim_person_key set secret = ?, wrapped = null, kek_id = null where subject = 'person-1'",
                Base64.getEncoder().encodeToString(raw));

        PersonalDataVault started = vault(KEK_2);

        Map<String, Object> row = keyStore.queryForMap("select * from kim_person_key where subject = 'person-1'");
        assertThat(row.get("SECRET")).isNull();
        assertThat(row.get("KEK_ID")).isEqualTo("kek-2026-07");
        assertThat(started.open("kreis-mettmann", sealed, Map.class)).contains(Map.of("givenName", "Amina"));
    }

    @Test
    void a_key_found_in_the_clear_after_start_is_wrapped_on_first_use() {
        PersonalDataVault vault = vault(KEK_1);
        Sealed sealed = vault.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        byte[] raw = KeyEncryptionKeys.parse(KEK_1, "test").unwrap("kek-2026-01",
                keyStore.queryForObject("select wrapped from kim_person_key where subject = 'person-1'", String.class),
                "kreis-mettmann", "person-1").orElseThrow();
        keyStore.update("update kim_person_key set secret = ?, wrapped = null, kek_id = null where subject = 'person-1'",
                Base64.getEncoder().encodeToString(raw));

        assertThat(vault.open("kreis-mettmann", sealed, Map.class)).contains(Map.of("givenName", "Amina"));
        assertThat(keyStore.queryForObject("select secret from kim_person_key where subject = 'person-1'", String.class)).isNull();
    }

    @Test
    void shredding_deletes_the_wrapped_key() {
        PersonalDataVault vault = vault(KEK_1);
        Sealed sealed = vault.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));

        vault.shred("kreis-mettmann", "person-1");

        Map<String, Object> row = keyStore.queryForMap("select * from kim_person_key where subject = 'person-1'");
        assertThat(row.get("WRAPPED")).isNull();
        assertThat(row.get("SECRET")).isNull();
        assertThat(row.get("SHREDDED_AT")).isNotNull();
        assertThat(vault.open("kreis-mettmann", sealed, Map.class)).isEmpty();
    }

    @Test
    void a_key_store_restored_from_a_backup_older_than_an_erasure_does_not_bring_the_person_back() {
        PersonalDataVault vault = vault(KEK_1);
        Sealed sealed = vault.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        List<Map<String, Object>> backup = keyStore.queryForList("select * from kim_person_key");

        vault.shred("kreis-mettmann", "person-1");
        restore(backup);
        assertThat(vault.holdsKeyOf("person-1")).as("the restored backup holds the key again").isTrue();

        PersonalDataVault restarted = vault(KEK_1);

        assertThat(restarted.open("kreis-mettmann", sealed, Map.class)).as("the erasure log was replayed at start").isEmpty();
        assertThat(restarted.holdsKeyOf("person-1")).isFalse();
        assertThatThrownBy(() -> restarted.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void without_a_key_encryption_key_a_service_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> PrivacyAutoConfiguration.keyEncryptionKeys("", ""))
                .hasMessageContaining("KIM_KEYSTORE_KEK_FILE").hasMessageContaining("KIM_KEYSTORE_KEK");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("short:AAAA", "KIM_KEYSTORE_KEK"))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("AAAA");
    }

    @Test
    void the_kek_is_read_from_the_file_named(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kek");
        java.nio.file.Files.writeString(file, "# current first\n" + KEK_2 + "\n" + KEK_1 + "\n");

        KeyEncryptionKeys keks = PrivacyAutoConfiguration.keyEncryptionKeys(file.toString(), "");

        assertThat(keks.currentId()).isEqualTo("kek-2026-07");
        assertThat(keks.knows("kek-2026-01")).isTrue();
    }

    @Test
    void an_embedded_key_store_made_without_a_password_gets_the_configured_one_on_first_start(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("keys") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        try (PersonalDataVault before = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")),
                KeyEncryptionKeys.parse(KEK_1, "test"), null, json, Clock.systemUTC())) {
            before.seal("kreis-mettmann", "person-1", Map.of("givenName", "Amina"));
        }

        try (PersonalDataVault vault = new PrivacyAutoConfiguration().personalDataVault(url, "sa", "generated-secret", "",
                KEK_1, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(JdbcTemplate.class),
                json, Clock.systemUTC())) {
            assertThat(vault.holdsKeyOf("person-1")).as("the key store of before, opened with the new password").isTrue();
        }
        DriverManager.getConnection(url, "sa", "generated-secret").close();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .as("no longer without a password").isInstanceOf(SQLException.class);
    }

    private void restore(List<Map<String, Object>> backup) {
        keyStore.update("delete from kim_person_key");
        for (Map<String, Object> row : backup) {
            keyStore.update("insert into kim_person_key (subject, tenant, secret, created_at, shredded_at, wrapped, kek_id) "
                            + "values (?, ?, ?, ?, ?, ?, ?)", row.get("SUBJECT"), row.get("TENANT"), row.get("SECRET"),
                    row.get("CREATED_AT"), row.get("SHREDDED_AT"), row.get("WRAPPED"), row.get("KEK_ID"));
        }
    }

    private PersonalDataVault vault(String keks) {
        return new PersonalDataVault(keyStore, KeyEncryptionKeys.parse(keks, "test"), serviceDatabase, json,
                Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), java.time.ZoneOffset.UTC));
    }

    private static JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""));
    }
}
