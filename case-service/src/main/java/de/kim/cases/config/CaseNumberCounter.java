package de.kim.cases.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.kim.cases.command.CaseNumbers;
import de.kim.platform.config.Schemas;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The case numbers' counter: one row per tenant and year in the event store's database, raised
 * by one in a short transaction of its own. The row lock of the update makes two openings (in one
 * instance or in several sharing the database) take different numbers; the transaction is
 * committed before the case's event is stored, so a crash in between leaves a gap and never gives
 * a number twice. Holding the lock only for the update, not until the event is stored, keeps
 * openings in one tenant from queueing behind each other's event writes.
 *
 * <p>The counter has a pool of its own ({@value #CONNECTIONS} connections to the same database):
 * an opening raises it while its command's transaction holds a connection of the main pool, and
 * taking a second one from there would let as many concurrent openings as the pool has
 * connections wait for each other until they time out.
 */
@Component
public class CaseNumberCounter implements CaseNumbers, DisposableBean {

    static final int CONNECTIONS = 2;

    private final HikariDataSource ownPool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public CaseNumberCounter(DataSource eventStore) {
        this.ownPool = poolLike(eventStore);
        this.jdbc = new JdbcTemplate(ownPool);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(ownPool));
        Schemas.migrate(ownPool, "case-numbers");
    }

    private static HikariDataSource poolLike(DataSource eventStore) {
        HikariConfig config = new HikariConfig();
        if (eventStore instanceof HikariDataSource main) {
            main.copyStateTo(config);
        } else {
            config.setDataSource(eventStore);
        }
        config.setPoolName("case-numbers");
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    @Override
    public String next(String tenant, int year) {
        while (true) {
            try {
                Long sequence = ownTransaction.execute(status -> raise(tenant, year));
                return CaseNumbers.format(year, sequence);
            } catch (DuplicateKeyException startedConcurrently) {
                // another opening made the year's row first (its transaction is rolled back): raise that row
            }
        }
    }

    private long raise(String tenant, int year) {
        int raised = jdbc.update("update kim_case_number set last_number = last_number + 1 where tenant = ? and case_year = ?",
                tenant, year);
        if (raised == 0) {
            jdbc.update("insert into kim_case_number (tenant, case_year, last_number) values (?, ?, 1)", tenant, year);
            return 1;
        }
        return jdbc.queryForObject("select last_number from kim_case_number where tenant = ? and case_year = ?",
                Long.class, tenant, year);
    }

    @Override
    public void destroy() {
        ownPool.close();
    }
}
