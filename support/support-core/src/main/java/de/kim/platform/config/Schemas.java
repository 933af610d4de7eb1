package de.kim.platform.config;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * The platform's own tables, migrated with Flyway: each concern (the key store, the erasure log,
 * the audit trail) has its migrations under {@code db/kim/<concern>} and its own history table,
 * so that a database shared by several concerns, or by several services (the key store), keeps
 * them apart. A database made before Flyway, with the tables already there, is taken as version 0
 * and brought up to date; every migration is written to do nothing where its change is present.
 * Axon's tables stay with Axon's own table factories ({@link EventStoreSchema}).
 */
public final class Schemas {

    private Schemas() {
    }

    /** Attempts at a migration that meets another process migrating the same database. */
    static final int ATTEMPTS = 5;

    /**
     * Brings the concern's tables in the database up to the newest migration. Several processes may
     * migrate one database at once (the services sharing the key store start together on a fresh data
     * directory): Flyway's lock does not cover making its history table, so one of them may find the
     * table made by another between its look and its baseline, and fail. It then tries again, and
     * finds the history the other wrote.
     */
    public static void migrate(DataSource database, String concern) {
        Flyway flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/kim/" + concern)
                .table("kim_schema_history_" + concern.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating", e);
        }
    }
}
