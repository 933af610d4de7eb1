package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;

import java.util.List;

/**
 * Cases opened in a tenant, in total and by month, with small counts suppressed.
 *
 * @param from first month counted ({@code yyyy-MM}), or null for no lower bound
 * @param to   last month counted, or null for no upper bound
 */
public record CaseFigures(String tenant, String from, String to, Cell casesOpened, List<MonthCell> casesOpenedByMonth) {

    /** One month's count. */
    public record MonthCell(String month, Cell casesOpened) {
    }
}
