package de.kim.platform.config;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of a service started at the same moment on one new PostgreSQL event store all come
 * up: each finds or creates the tables, none fails on another's half-made table.
 */
@EnabledIfEnvironmentVariable(named = "KIM_TEST_POSTGRES_URL", matches = ".+")
class EventStoreSchemaTest {

    private static final String URL = System.getenv("KIM_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("KIM_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("KIM_TEST_POSTGRES_PASSWORD", "");

    @Test
    void instances_starting_together_on_a_new_event_store_all_get_its_tables() throws Exception {
        int instances = 6;
        for (int round = 0; round < 5; round++) {
            String schema = "kim_axon_" + UUID.randomUUID().toString().substring(0, 8);
            JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
            server.execute("create schema " + schema);
            ExecutorService starts = Executors.newFixedThreadPool(instances);
            try {
                CyclicBarrier together = new CyclicBarrier(instances);
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    DataSource store = new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                            USER, PASSWORD);
                    started.add(starts.submit(() -> {
                        together.await();
                        createTables(store);
                        return null;
                    }));
                }
                for (Future<?> start : started) {
                    start.get(60, TimeUnit.SECONDS);
                }
                assertThat(server.queryForList("select table_name from information_schema.tables where table_schema = ?",
                        String.class, schema))
                        .containsExactlyInAnyOrder("domainevententry", "snapshotevententry", "tokenentry",
                                "sagaentry", "associationvalueentry");
            } finally {
                starts.shutdownNow();
                server.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static void createTables(DataSource store) {
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(store);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        EventStoreSchema.create(store,
                JdbcEventStorageEngine.builder().connectionProvider(connections)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .snapshotSerializer(serializer).eventSerializer(serializer).build(),
                JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build(),
                JdbcSagaStore.builder().connectionProvider(connections).sqlSchema(new PostgresSagaSqlSchema())
                        .serializer(serializer).build());
    }
}
