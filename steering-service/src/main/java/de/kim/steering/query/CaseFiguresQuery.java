package de.kim.steering.query;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Computes {@link CaseFigures} from the case facts of one tenant. */
@Component
public class CaseFiguresQuery {

    private final MongoTemplate mongo;

    public CaseFiguresQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public CaseFigures casesOpened(String tenant, String fromMonth, String toMonth, String town) {
        Criteria criteria = Criteria.where("tenant").is(tenant);
        if (fromMonth != null || toMonth != null) {
            Criteria month = Criteria.where("openedMonth");
            if (fromMonth != null) {
                month = month.gte(fromMonth);
            }
            if (toMonth != null) {
                month = month.lte(toMonth);
            }
            criteria = new Criteria().andOperator(criteria, month);
        }
        if (town != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("town").is(town));
        }
        Aggregation byMonth = Aggregation.newAggregation(
                Aggregation.match(criteria),
                Aggregation.group("openedMonth").count().as("count"),
                Aggregation.sort(Sort.by("_id")));
        List<String> months = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Map<?, ?> row : mongo.aggregate(byMonth, CaseFact.class, Map.class).getMappedResults()) {
            months.add(String.valueOf(row.get("_id")));
            counts.add(((Number) row.get("count")).longValue());
        }
        List<SmallCellSuppression.Cell> cells = SmallCellSuppression.group(counts);
        List<CaseFigures.MonthCell> perMonth = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            perMonth.add(new CaseFigures.MonthCell(months.get(i), cells.get(i)));
        }
        long total = counts.stream().mapToLong(Long::longValue).sum();
        return new CaseFigures(tenant, fromMonth, toMonth, SmallCellSuppression.Cell.of(total), perMonth);
    }
}
