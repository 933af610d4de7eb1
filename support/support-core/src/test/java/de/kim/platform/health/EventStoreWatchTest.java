package de.kim.platform.health;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreWatchTest {

    private final List<Object> published = new ArrayList<>();
    private final AtomicInteger exits = new AtomicInteger();

    @Test
    void a_working_store_is_up_and_nothing_exits() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        EventStoreWatch watch = new EventStoreWatch(h2, published::add, exits::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            assertThat(watch.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(exits).hasValue(0);
    }

    @Test
    void a_store_closed_under_the_service_breaks_liveness_and_ends_the_process_after_three_checks() {
        EventStoreWatch watch = new EventStoreWatch(new FailingStore(
                new SQLException("Database is already closed: This store is closed", "90098", 90098)),
                published::add, exits::incrementAndGet);
        assertThat(watch.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(watch.health().getDetails()).containsEntry("store", "closed");
        assertThat(exits).hasValue(0);
        watch.health();
        assertThat(exits).hasValue(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
                event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    }

    @Test
    void an_unreachable_store_is_down_but_the_process_stays() {
        EventStoreWatch watch = new EventStoreWatch(new FailingStore(
                new SQLException("Connection refused", "08001", 0)), published::add, exits::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            assertThat(watch.health().getStatus()).isEqualTo(Status.DOWN);
        }
        assertThat(watch.health().getDetails()).containsEntry("store", "unreachable");
        assertThat(exits).hasValue(0);
        assertThat(published).isEmpty();
    }

    @Test
    void a_closed_store_that_comes_back_between_checks_resets_the_count() {
        FailingStore store = new FailingStore(new SQLException("This store is closed", "90098", 90098));
        EventStoreWatch watch = new EventStoreWatch(store, published::add, exits::incrementAndGet);
        watch.health();
        watch.health();
        store.failure = new SQLException("Connection refused", "08001", 0);
        watch.health();
        store.failure = new SQLException("This store is closed", "90098", 90098);
        watch.health();
        watch.health();
        assertThat(exits).hasValue(0);
    }

    /** A data source whose every connection attempt fails as given. */
    private static final class FailingStore implements DataSource {
        SQLException failure;

        FailingStore(SQLException failure) {
            this.failure = failure;
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw failure;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw failure;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
