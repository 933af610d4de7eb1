package de.kim.platform.config;

import org.flywaydb.core.Flyway;

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

    /** Brings the concern's tables in the database up to the newest migration. */
    public static void migrate(DataSource database, String concern) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/kim/" + concern)
                .table("kim_schema_history_" + concern.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
