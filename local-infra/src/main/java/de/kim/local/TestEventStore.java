package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Chooses the event store a test runs on: PostgreSQL when {@code KIM_TEST_POSTGRES_URL} names
 * a server (user {@code KIM_TEST_POSTGRES_USER}, default {@code postgres}; password
 * {@code KIM_TEST_POSTGRES_PASSWORD}), otherwise an H2 file as in the embedded default.
 */
public final class TestEventStore {

    public static final String URL_VARIABLE = "KIM_TEST_POSTGRES_URL";

    private TestEventStore() {
    }

    public static boolean onPostgres() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Datasource properties of a new, empty event store named {@code name}. */
    public static Map<String, String> fresh(String name) {
        if (onPostgres()) {
            String url = System.getenv(URL_VARIABLE);
            String user = env("KIM_TEST_POSTGRES_USER", "postgres");
            String password = env("KIM_TEST_POSTGRES_PASSWORD", "");
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + name + " on " + url, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(url, user, password, name),
                    "kim-test-schema-drop"));
            String separator = url.contains("?") ? "&" : "?";
            // Every test context of a module's run stays open (Spring caches them) and shares one server of
            // 100 connections: a small pool each, so a dozen contexts fit.
            return Map.of("spring.datasource.url", url + separator + "currentSchema=" + name,
                    "spring.datasource.username", user,
                    "spring.datasource.password", password,
                    "spring.datasource.hikari.maximum-pool-size", "5",
                    "spring.datasource.hikari.minimum-idle", "1");
        }
        try {
            Path dir = Files.createTempDirectory("kim-eventstore-");
            return Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the shared server as it was; a schema still locked at exit is left for the next run's owner. */
    private static void dropQuietly(String url, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("test schema " + schema + " not dropped: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
