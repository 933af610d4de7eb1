package de.kim.platform.config;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded H2 files are synced each second and reuse freed space after the retention the defaults set. */
class H2FileSyncTest {

    @Test
    void an_h2_file_is_synced_and_a_database_in_memory_is_not(@TempDir Path dir) throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:sync-test");
        try (H2FileSync fileSync = H2FileSync.of(file, "event store");
             H2FileSync memorySync = H2FileSync.of(memory, "memory");
             H2FileSync none = H2FileSync.of(null, "none")) {
            assertThat(fileSync.active()).isTrue();
            assertThat(memorySync.active()).isFalse();
            assertThat(none.active()).isFalse();
            fileSync.sync();
        }
    }

    @Test
    void the_defaults_retain_freed_chunks_no_longer_than_two_syncs_apart(@TempDir Path dir) throws Exception {
        Properties defaults = new Properties();
        try (var in = getClass().getResourceAsStream("/kim-defaults/core.properties")) {
            defaults.load(in);
        }
        String url = defaults.getProperty("spring.datasource.url");
        String options = url.substring(url.indexOf(";DB_CLOSE_ON_EXIT"), url.lastIndexOf('}'));
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("eventstore") + options);
        try (Connection connection = file.getConnection(); Statement statement = connection.createStatement();
             ResultSet retention = statement.executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'RETENTION_TIME'")) {
            assertThat(retention.next()).isTrue();
            assertThat(Integer.parseInt(retention.getString(1)))
                    .isGreaterThan((int) H2FileSync.PERIOD.toMillis())
                    .isLessThanOrEqualTo((int) H2FileSync.RETENTION.toMillis());
        }
    }

    @Test
    void a_clean_stop_compacts_the_file_and_keeps_every_row(@TempDir Path dir) throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0");
        Path onDisk = dir.resolve("eventstore.mv.db");
        long churned;
        try (H2FileSync sync = H2FileSync.of(file, "event store").compactingAtClose();
             Connection held = file.getConnection(); Statement statement = held.createStatement()) {
            statement.execute("create table events (id int primary key, payload varchar(2000))");
            for (int round = 0; round < 20; round++) {
                statement.execute("delete from events where id >= 100");
                statement.execute("insert into events select x, repeat('x', 1500) from system_range(" + (round == 0 ? 0 : 100)
                        + ", 2000)");
            }
            churned = java.nio.file.Files.size(onDisk);
        }
        assertThat(java.nio.file.Files.size(onDisk)).as("compacted at close").isLessThan(churned / 2);
        try (Connection reopened = file.getConnection(); Statement statement = reopened.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from events")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(2001);
        }
    }
}
