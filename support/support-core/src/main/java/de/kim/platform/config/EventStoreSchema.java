package de.kim.platform.config;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the event store's tables (events, snapshots, tokens, sagas) if they are missing,
 * before any processor starts. Axon's PostgreSQL table factories are used on both
 * databases: they create the same schema on PostgreSQL and on H2 2.x.
 * <p>
 * Several instances of a service may start at once on one PostgreSQL event store; two
 * concurrent {@code CREATE TABLE IF NOT EXISTS} of one table fail there, so on PostgreSQL
 * the creation holds a session-level advisory lock and the instances create one after another.
 */
public class EventStoreSchema implements SmartInitializingSingleton {

    /** The advisory lock's key: any fixed number the platform uses for nothing else. */
    static final long CREATION_LOCK = 0x4b494d5f4158L;

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EventStorageEngine> engine;
    private final ObjectProvider<TokenStore> tokenStore;
    private final ObjectProvider<SagaStore<?>> sagaStore;

    public EventStoreSchema(ObjectProvider<DataSource> dataSource, ObjectProvider<EventStorageEngine> engine,
                            ObjectProvider<TokenStore> tokenStore, ObjectProvider<SagaStore<?>> sagaStore) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.tokenStore = tokenStore;
        this.sagaStore = sagaStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        create(dataSource.getIfAvailable(), engine.getIfAvailable(), tokenStore.getIfAvailable(), sagaStore.getIfAvailable());
    }

    /** Creates the tables of whichever of the stores keep them in {@code database}. */
    static void create(DataSource database, EventStorageEngine engine, TokenStore tokenStore, SagaStore<?> sagaStore) {
        Runnable creation = () -> {
            if (engine instanceof JdbcEventStorageEngine jdbc) {
                jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
            }
            if (tokenStore instanceof JdbcTokenStore jdbc) {
                jdbc.createSchema(PostgresTokenTableFactory.INSTANCE);
            }
            if (sagaStore instanceof JdbcSagaStore jdbc) {
                try {
                    jdbc.createSchema();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create the saga tables", e);
                }
            }
        };
        if (database == null) {
            creation.run();
            return;
        }
        try (Connection lockHolder = database.getConnection()) {
            boolean postgres = "PostgreSQL".equals(lockHolder.getMetaData().getDatabaseProductName());
            if (postgres) {
                try (Statement statement = lockHolder.createStatement()) {
                    statement.execute("SELECT pg_advisory_lock(" + CREATION_LOCK + ")");
                }
            }
            try {
                creation.run();
            } finally {
                if (postgres) {
                    try (Statement statement = lockHolder.createStatement()) {
                        statement.execute("SELECT pg_advisory_unlock(" + CREATION_LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the event store to create its tables", e);
        }
    }
}
