package de.kim.cases.config;

import de.kim.cases.command.CaseNumbers;
import de.kim.platform.config.Schemas;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The case numbers' counter: one row per tenant and year in the event store's database, raised in
 * a short transaction of its own. The row lock of the update makes two instances sharing the
 * database take different numbers; the transaction is committed before the case's event is stored,
 * so a crash in between leaves a gap and never gives a number twice.
 * <p>
 * One opening at a time raises the row by one, so numbers follow each other without gaps. When
 * openings come faster than one a second, an instance takes the numbers in blocks that double up to
 * {@link #MOST_AT_ONCE} (one commit for many openings, as a database sequence with a cache does);
 * the numbers of a block it has not given out when it stops are handed back if nobody raised the
 * row since, else (and after a crash) they stay unused.
 */
@Component
public class CaseNumberCounter implements CaseNumbers, AutoCloseable {

    static final int MOST_AT_ONCE = 32;
    /** Openings closer together than this take the next block twice as large. */
    static final Duration BUSY = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public CaseNumberCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Schemas.migrate(jdbc.getDataSource(), "case-numbers");
    }

    @Override
    public String next(String tenant, int year) {
        Block block = blocks.computeIfAbsent(tenant + '\n' + year, key -> new Block(tenant, year));
        synchronized (block) {
            if (block.next > block.last) {
                refill(block);
            }
            return CaseNumbers.format(year, block.next++);
        }
    }

    private void refill(Block block) {
        Instant now = clock.instant();
        boolean busy = block.filledAt != null && now.isBefore(block.filledAt.plus(BUSY));
        int size = busy ? Math.min(block.size * 2, MOST_AT_ONCE) : 1;
        long last = raised(block.tenant, block.year, size);
        block.size = size;
        block.next = last - size + 1;
        block.last = last;
        block.filledAt = now;
    }

    private long raised(String tenant, int year, int by) {
        while (true) {
            try {
                Long last = ownTransaction.execute(status -> raise(tenant, year, by));
                return last;
            } catch (DuplicateKeyException startedConcurrently) {
                // another opening made the year's row first (its transaction is rolled back): raise that row
            }
        }
    }

    private long raise(String tenant, int year, int by) {
        int raised = jdbc.update("update kim_case_number set last_number = last_number + ? where tenant = ? and case_year = ?",
                by, tenant, year);
        if (raised == 0) {
            jdbc.update("insert into kim_case_number (tenant, case_year, last_number) values (?, ?, ?)", tenant, year, by);
            return by;
        }
        return jdbc.queryForObject("select last_number from kim_case_number where tenant = ? and case_year = ?",
                Long.class, tenant, year);
    }

    /** Hands back the numbers taken and not given, where the row still ends with them. */
    @Override
    public void close() {
        for (Block block : blocks.values()) {
            synchronized (block) {
                if (block.next <= block.last) {
                    jdbc.update("update kim_case_number set last_number = ? where tenant = ? and case_year = ? and last_number = ?",
                            block.next - 1, block.tenant, block.year, block.last);
                    block.last = block.next - 1;
                }
            }
        }
    }

    private static final class Block {
        final String tenant;
        final int year;
        long next = 1;
        long last;
        int size;
        Instant filledAt;

        Block(String tenant, int year) {
            this.tenant = tenant;
            this.year = year;
        }
    }
}
