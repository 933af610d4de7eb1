package de.kim.cases.config;

import de.kim.platform.testing.MovableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Aktenzeichen: unique per tenant and year, without gaps when openings come one by one or an instance stops. */
class CaseNumberCounterTest {

    private static final String METTMANN = "kreis-mettmann";

    private final JdbcDataSource database = new JdbcDataSource();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T09:00:00Z"));

    CaseNumberCounterTest() {
        database.setURL("jdbc:h2:mem:numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void openings_one_by_one_take_consecutive_numbers_and_leave_the_counter_at_the_last() {
        CaseNumberCounter counter = counter();
        for (int i = 1; i <= 3; i++) {
            assertThat(counter.next(METTMANN, 2026)).isEqualTo("KIM-2026-0000" + i);
            assertThat(lastNumber(METTMANN, 2026)).isEqualTo(i);
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(counter.next(METTMANN, 2027)).isEqualTo("KIM-2027-00001");
        assertThat(counter.next("stadt-solingen", 2026)).isEqualTo("KIM-2026-00001");
    }

    @Test
    void a_burst_takes_numbers_in_blocks_and_hands_back_what_it_did_not_give_when_it_stops() throws Exception {
        CaseNumberCounter counter = counter();
        List<String> given = openConcurrently(counter, 100);

        assertThat(Set.copyOf(given)).hasSize(100);
        assertThat(given).allMatch(n -> n.startsWith("KIM-2026-"));
        assertThat(given.stream().map(CaseNumberCounterTest::sequence).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(lastNumber(METTMANN, 2026)).as("numbers taken ahead in one commit").isGreaterThanOrEqualTo(100);

        counter.close();
        assertThat(lastNumber(METTMANN, 2026)).isEqualTo(100);
        assertThat(counter().next(METTMANN, 2026)).isEqualTo("KIM-2026-00101");
    }

    @Test
    void two_instances_on_one_database_never_give_a_number_twice_even_after_one_crashes() throws Exception {
        CaseNumberCounter first = counter();
        CaseNumberCounter second = counter();
        List<String> given = new ArrayList<>(openConcurrently(first, 60));
        given.addAll(openConcurrently(second, 60));
        given.addAll(openConcurrently(first, 60));
        // the first instance "crashes": its block stays taken; the second stops cleanly
        second.close();
        CaseNumberCounter restarted = counter();
        given.addAll(openConcurrently(restarted, 30));

        assertThat(Set.copyOf(given)).hasSize(given.size());
    }

    private List<String> openConcurrently(CaseNumberCounter counter, int openings) throws Exception {
        Set<String> given = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < openings; i++) {
                done.add(clients.submit(() -> given.add(counter.next(METTMANN, 2026))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        return new ArrayList<>(given);
    }

    private CaseNumberCounter counter() {
        return new CaseNumberCounter(new JdbcTemplate(database), new DataSourceTransactionManager(database), clock);
    }

    private long lastNumber(String tenant, int year) {
        return new JdbcTemplate(database).queryForObject(
                "select last_number from kim_case_number where tenant = ? and case_year = ?", Long.class, tenant, year);
    }

    private static long sequence(String caseNumber) {
        return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
    }
}
