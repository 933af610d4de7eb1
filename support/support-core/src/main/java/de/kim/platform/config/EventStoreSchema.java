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

import java.sql.SQLException;

/**
 * Creates the event store's tables (events, snapshots, tokens, sagas) if they are missing,
 * before any processor starts. Axon's PostgreSQL table factories are used on both
 * databases: they create the same schema on PostgreSQL and on H2 2.x.
 */
public class EventStoreSchema implements SmartInitializingSingleton {

    private final ObjectProvider<EventStorageEngine> engine;
    private final ObjectProvider<TokenStore> tokenStore;
    private final ObjectProvider<SagaStore<?>> sagaStore;

    public EventStoreSchema(ObjectProvider<EventStorageEngine> engine, ObjectProvider<TokenStore> tokenStore,
                            ObjectProvider<SagaStore<?>> sagaStore) {
        this.engine = engine;
        this.tokenStore = tokenStore;
        this.sagaStore = sagaStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (engine.getIfAvailable() instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
        }
        if (tokenStore.getIfAvailable() instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(PostgresTokenTableFactory.INSTANCE);
        }
        if (sagaStore.getIfAvailable() instanceof JdbcSagaStore jdbc) {
            try {
                jdbc.createSchema();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the saga tables", e);
            }
        }
    }
}
