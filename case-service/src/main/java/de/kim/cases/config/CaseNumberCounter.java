package de.kim.cases.config;

import de.kim.cases.command.CaseNumbers;
import de.kim.platform.config.Schemas;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case numbers' counter: one row per tenant and year in the event store's database, raised
 * by one in a short transaction of its own. The row lock of the update makes two openings (in one
 * instance or in several sharing the database) take different numbers; the transaction is
 * committed before the case's event is stored, so a crash in between leaves a gap and never gives
 * a number twice. Holding the lock only for the update, not until the event is stored, keeps
 * openings in one tenant from queueing behind each other's event writes.
 */
@Component
public class CaseNumberCounter implements CaseNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public CaseNumberCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Schemas.migrate(jdbc.getDataSource(), "case-numbers");
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
}
