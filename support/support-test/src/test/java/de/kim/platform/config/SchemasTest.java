package de.kim.platform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.audit.AuditTrail;
import de.kim.platform.privacy.KeyEncryptionKeys;
import de.kim.platform.privacy.PersonalDataVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's own tables come from Flyway migrations, on H2 as embedded and on PostgreSQL as
 * in production, and a database made before the migrations is brought up to date with its rows.
 */
class SchemasTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void a_key_store_made_before_the_migrations_keeps_its_keys_and_gets_the_new_columns() throws Exception {
        JdbcTemplate keyStore = h2();
        keyStore.execute("create table kim_person_key (subject varchar(64) primary key, tenant varchar(64) not null, "
                + "secret varchar(64), created_at timestamp not null, shredded_at timestamp)");
        keyStore.update("insert into kim_person_key (subject, tenant, secret, created_at) values (?, ?, ?, ?)",
                "person-1", "kreis-mettmann", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", Timestamp.from(Instant.now()));

        try (PersonalDataVault vault = new PersonalDataVault(keyStore, KeyEncryptionKeys.ephemeral(), h2(), json,
                Clock.systemUTC())) {
            assertThat(vault.holdsKeyOf("person-1")).isTrue();
        }

        assertThat(columns(keyStore, "KIM_PERSON_KEY")).contains("WRAPPED", "KEK_ID");
        assertThat(keyStore.queryForObject("select count(*) from kim_person_key where wrapped is not null", Integer.class))
                .as("the old key wrapped with the current KEK").isEqualTo(1);
        assertThat(versions(keyStore, "kim_schema_history_keystore")).containsExactly("0", "1", "2");
    }

    @Test
    void migrating_again_changes_nothing() {
        JdbcTemplate database = h2();
        new AuditTrail(database);
        new AuditTrail(database);
        assertThat(versions(database, "kim_schema_history_audit")).containsExactly("1");
        assertThat(columns(database, "KIM_AUDIT_ENTRY")).contains("PURPOSE", "STATUS");
    }

    /**
     * Several services open the shared key store at their start, and on a fresh data directory they
     * start at once: each must come up, whichever of them creates the tables and Flyway's history first.
     */
    @Test
    void services_migrating_one_fresh_key_store_at_once_all_start() throws Exception {
        for (int round = 0; round < 8; round++) {
            Path file = Files.createTempDirectory("kim-schemas-").resolve("keys");
            String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
            ExecutorService services = Executors.newFixedThreadPool(3);
            try {
                CountDownLatch ready = new CountDownLatch(3);
                List<Future<?>> starts = new ArrayList<>();
                for (int service = 0; service < 3; service++) {
                    starts.add(services.submit(() -> {
                        ready.countDown();
                        ready.await();
                        Schemas.migrate(new DriverManagerDataSource(url, "sa", ""), "keystore");
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(60, TimeUnit.SECONDS);
                }
            } finally {
                services.shutdownNow();
            }
            assertThat(versions(new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")), "kim_schema_history_keystore"))
                    .as("round %d", round).containsExactly("1", "2");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "KIM_TEST_POSTGRES_URL", matches = ".+")
    void every_migration_runs_on_postgresql() throws Exception {
        String schema = "kim_schemas_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(System.getenv("KIM_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("KIM_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("KIM_TEST_POSTGRES_PASSWORD", "")));
        server.execute("create schema " + schema);
        try {
            String url = System.getenv("KIM_TEST_POSTGRES_URL") + (System.getenv("KIM_TEST_POSTGRES_URL").contains("?") ? "&" : "?")
                    + "currentSchema=" + schema;
            JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(url,
                    System.getenv().getOrDefault("KIM_TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("KIM_TEST_POSTGRES_PASSWORD", "")));
            try (PersonalDataVault vault = new PersonalDataVault(database, KeyEncryptionKeys.ephemeral(), database, json,
                    Clock.systemUTC())) {
                vault.seal("kreis-mettmann", "person-2", Map.of("givenName", "Amina"));
                vault.shred("kreis-mettmann", "person-2");
            }
            new AuditTrail(database);
            assertThat(database.queryForObject("select count(*) from kim_erasure_log", Integer.class)).isEqualTo(1);
            assertThat(versions(database, "kim_schema_history_keystore")).containsExactly("1", "2");
            // The key store's tables were there first: the later concerns start from a baseline in this shared schema.
            assertThat(versions(database, "kim_schema_history_erasure_log")).endsWith("1");
            assertThat(versions(database, "kim_schema_history_audit")).endsWith("1");
        } finally {
            server.execute("drop schema " + schema + " cascade");
        }
    }

    private static JdbcTemplate h2() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""));
    }

    private static List<String> columns(JdbcTemplate database, String table) {
        return database.queryForList("select column_name from information_schema.columns where table_name = ?",
                String.class, table);
    }

    private static List<String> versions(JdbcTemplate database, String history) {
        // Flyway quotes its names: in H2 they are then lower case, as PostgreSQL folds them anyway.
        return database.queryForList("select \"version\" from \"" + history + "\" where \"success\" and \"version\" is not null order by \"installed_rank\"",
                String.class);
    }
}
