package de.kim.local;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.RootReference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How a find or count uses a secondary index, as MongoDB would: the index whose first keys the
 * query fixes by equality (or one of them by a short {@code $in}) the furthest, and of those one whose
 * next keys give the sort. The index only chooses the candidates: each is matched against the whole
 * query, so the answer is the one a scan gives. A query no index serves this way is left to the scan.
 *
 * <p>With the sort given by the index, its entries are walked in order, in groups of equal sort
 * values, until the page is full; the documents found are then sorted by the whole sort (which
 * orders each group) as a scan's are. A count whose every condition is an equality on the index's keys counts entries, without
 * reading a document.
 */
final class IndexedQuery {

    /** More values in {@code $in} than this are left to the scan. */
    private static final int MAX_IN = 100;

    /** One condition on a field: the (normalized) values a matching document holds one of; exact if the index alone decides it. */
    record Condition(List<Object> values, boolean exact) {
    }

    /** The conditions of a query usable with an index, and whether they are all of the query. */
    record Conditions(Map<String, Condition> byField, boolean complete) {
    }

    /** A plan: the index, how many of its keys the query fixes, which of those by {@code $in}, and how many of the next ones give the sort. */
    record Plan(SecondaryIndex index, int prefix, int inKey, List<Object[]> prefixes, int sortKeys, boolean reverse,
                Conditions conditions) {

        /** Whether the index's entries decide the query alone: only exact equalities, all on its fixed keys. */
        boolean covers() {
            return conditions.complete() && conditions.byField().size() == prefix
                    && conditions.byField().values().stream().allMatch(Condition::exact);
        }
    }

    /** What a plan reads: the index's entries and the documents, both of one moment. */
    record View(RootReference<IndexEntries.Entry, Boolean> index, Function<Object, Document> documents) {
    }

    private IndexedQuery() {
    }

    /** The best plan for the query among the indexes, or {@code null} for a scan. */
    static Plan plan(Document query, Document orderBy, List<SecondaryIndex> indexes) {
        if (indexes.isEmpty() || query == null || (orderBy != null && orderBy.containsKey("$natural"))) {
            return null;
        }
        Conditions conditions = conditions(query);
        Plan best = null;
        for (SecondaryIndex index : indexes) {
            Plan plan = plan(index, conditions, orderBy);
            if (plan != null && (best == null || better(plan, best))) {
                best = plan;
            }
        }
        return best;
    }

    /**
     * The longer equality prefix wins; then the one that gives the sort; then the one with an entry
     * per document (no array among its other keys), then the one with fewer keys: fewer entries to walk.
     */
    private static boolean better(Plan plan, Plan than) {
        if (plan.prefix != than.prefix) {
            return plan.prefix > than.prefix;
        }
        if (plan.sortKeys != than.sortKeys) {
            return plan.sortKeys > than.sortKeys;
        }
        boolean single = !plan.index.anyMultikeyFrom(plan.prefix);
        if (single != !than.index.anyMultikeyFrom(than.prefix)) {
            return single;
        }
        return plan.index.fields().size() < than.index.fields().size();
    }

    private static Plan plan(SecondaryIndex index, Conditions conditions, Document orderBy) {
        List<String> fields = index.fields();
        int prefix = 0;
        int inKey = -1;
        while (prefix < fields.size()) {
            Condition condition = conditions.byField().get(fields.get(prefix));
            if (condition == null || fields.get(prefix).contains(".")) {
                break;
            }
            if (condition.values().size() > 1) {
                if (inKey >= 0) {
                    break;
                }
                inKey = prefix;
            }
            prefix++;
        }
        if (prefix == 0) {
            return null;
        }
        List<Object[]> prefixes = new ArrayList<>();
        prefixes.add(new Object[prefix]);
        for (int key = 0; key < prefix; key++) {
            List<Object> values = conditions.byField().get(fields.get(key)).values();
            List<Object[]> next = new ArrayList<>();
            for (Object[] values0 : prefixes) {
                for (Object value : values) {
                    Object[] extended = values0.clone();
                    extended[key] = value;
                    next.add(extended);
                }
            }
            prefixes = next;
        }
        int sortKeys = 0;
        boolean reverse = false;
        if (orderBy != null && inKey < 0) {
            List<Map.Entry<String, Object>> order = new ArrayList<>();
            for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
                int fixed = fields.subList(0, prefix).indexOf(sort.getKey());
                if (fixed < 0 || index.multikey(fixed)) {
                    order.add(sort);
                }
            }
            for (int i = 0; i < order.size() && prefix + i < fields.size(); i++) {
                int key = prefix + i;
                Map.Entry<String, Object> sort = order.get(i);
                if (!sort.getKey().equals(fields.get(key)) || sort.getKey().contains(".") || index.multikey(key)
                        || !(sort.getValue() instanceof Number direction)) {
                    break;
                }
                boolean backwards = (direction.intValue() > 0) != index.ascending(key);
                if (i > 0 && backwards != reverse) {
                    break;
                }
                reverse = backwards;
                sortKeys++;
            }
        }
        return new Plan(index, prefix, inKey, prefixes, sortKeys, sortKeys > 0 && reverse, conditions);
    }

    /** The conditions of a query an index can serve: equalities to a plain value, {@code $eq}, {@code $in}, {@code $all}. */
    static Conditions conditions(Document query) {
        Map<String, Condition> byField = new HashMap<>();
        boolean complete = collect(query, byField);
        return new Conditions(byField, complete);
    }

    private static boolean collect(Document query, Map<String, Condition> byField) {
        boolean complete = true;
        for (Map.Entry<String, Object> part : query.entrySet()) {
            String field = part.getKey();
            if (field.equals("$and") && part.getValue() instanceof List<?> all) {
                for (Object each : all) {
                    complete &= each instanceof Document document && collect(document, byField);
                }
                continue;
            }
            Condition condition = field.startsWith("$") ? null : condition(part.getValue());
            if (condition == null || byField.containsKey(field)) {
                complete = false;
            } else {
                byField.put(field, condition);
                complete &= condition.exact();
            }
        }
        return complete;
    }

    private static Condition condition(Object value) {
        if (value instanceof Document operators) {
            if (operators.size() != 1 || BsonRegularExpression.isRegularExpression(operators)) {
                return null;
            }
            Object operand = operators.get(operators.keySet().iterator().next());
            if (operators.containsKey("$eq")) {
                return condition(operand);
            }
            if (operators.containsKey("$in") && operand instanceof Collection<?> values && !values.isEmpty()
                    && values.size() <= MAX_IN && values.stream().allMatch(IndexedQuery::plain)) {
                TreeSet<Object> distinct = new TreeSet<>(IndexKeyOrder::compareValues);
                values.forEach(each -> distinct.add(SecondaryIndex.normalized(each)));
                return new Condition(new ArrayList<>(distinct), distinct.stream().allMatch(IndexKeyOrder::exactlyComparable));
            }
            if (operators.containsKey("$all") && operand instanceof List<?> values && !values.isEmpty()
                    && plain(values.get(0))) {
                return new Condition(List.of(SecondaryIndex.normalized(values.get(0))), false);
            }
            return null;
        }
        if (!plain(value)) {
            return null;
        }
        Object normalized = SecondaryIndex.normalized(value);
        return new Condition(List.of(normalized), IndexKeyOrder.exactlyComparable(normalized));
    }

    /** A value equality finds in an index: not null, not an array, document or pattern. */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.Instant || value instanceof de.bwaldvogel.mongo.bson.ObjectId
                || value instanceof java.util.UUID;
    }

    /** The candidates of a find, after the first {@code skipped} matching documents in the sort's order. */
    record Candidates(Stream<Document> documents, int skipped) {
    }

    /**
     * The candidates of a find: without a sort from the index, every document the index finds, in
     * the order of a scan, each read as the stream reaches it; with it, the matching documents in the sort's order, at least
     * {@code skip + limit} of them where there are as many. Where the index decides the query alone,
     * groups of entries wholly before the page are skipped without reading their documents.
     */
    static Candidates find(Plan plan, View view, Document orderBy, int skip, int limit, Predicate<Document> matches) {
        if (plan.sortKeys == 0) {
            TreeSet<Object> positions = new TreeSet<>(IndexKeyOrder::comparePositions);
            for (Object[] prefix : plan.prefixes) {
                Cursor<IndexEntries.Entry, Boolean> entries = cursor(plan, view, prefix, false);
                while (entries.hasNext()) {
                    positions.add(entries.next().position());
                }
            }
            return new Candidates(positions.stream().map(view.documents()).filter(Objects::nonNull), 0);
        }
        Walk walk = new Walk(view, matches, plan.covers() ? skip : 0);
        Set<Object> seen = new HashSet<>();
        Object[] groupValues = null;
        Cursor<IndexEntries.Entry, Boolean> entries = cursor(plan, view, plan.prefixes.get(0), plan.reverse);
        while (entries.hasNext()) {
            IndexEntries.Entry entry = entries.next();
            Object[] values = Arrays.copyOfRange(entry.values(), plan.prefix, plan.prefix + plan.sortKeys);
            if (groupValues != null && !equal(values, groupValues)) {
                walk.endGroup();
                if (limit > 0 && walk.skipped + walk.found.size() >= skip + limit) {
                    return new Candidates(walk.found.stream(), walk.skipped);
                }
            }
            groupValues = values;
            if (seen.add(entry.position())) {
                walk.group.add(entry.position());
            }
        }
        walk.endGroup();
        return new Candidates(walk.found.stream(), walk.skipped);
    }

    /** The documents found by walking an index in the sort's order, one group of equal sort values at a time. */
    private static final class Walk {

        final View view;
        final Predicate<Document> matches;
        /** How many matching documents may be passed over unread: the index alone decides the query. */
        final int skippable;
        final List<Object> group = new ArrayList<>();
        final List<Document> found = new ArrayList<>();
        int skipped;

        Walk(View view, Predicate<Document> matches, int skippable) {
            this.view = view;
            this.matches = matches;
            this.skippable = skippable;
        }

        void endGroup() {
            if (found.isEmpty() && skipped + group.size() <= skippable) {
                skipped += group.size();
                group.clear();
                return;
            }
            TreeSet<Object> positions = new TreeSet<>(IndexKeyOrder::comparePositions);
            positions.addAll(group);
            group.clear();
            List<Document> documents = new ArrayList<>(documents(positions, view));
            documents.removeIf(matches.negate());
            found.addAll(documents);
        }
    }

    /** How many documents match, counted from the index's entries alone; {@code null} if the index does not decide the query. */
    static Long count(Plan plan, View view) {
        if (!plan.covers()) {
            return null;
        }
        SecondaryIndex index = plan.index;
        boolean repeats = index.anyMultikeyFrom(plan.prefix) || (plan.inKey >= 0 && index.multikey(plan.inKey));
        Set<Object> positions = repeats ? new HashSet<>() : null;
        long count = 0;
        for (Object[] prefix : plan.prefixes) {
            Cursor<IndexEntries.Entry, Boolean> entries = cursor(plan, view, prefix, false);
            while (entries.hasNext()) {
                Object position = entries.next().position();
                if (positions == null) {
                    count++;
                } else {
                    positions.add(position);
                }
            }
        }
        return positions == null ? count : positions.size();
    }

    private static Cursor<IndexEntries.Entry, Boolean> cursor(Plan plan, View view, Object[] prefix, boolean reverse) {
        IndexEntries.Entry first = IndexEntries.Entry.first(prefix);
        IndexEntries.Entry last = IndexEntries.Entry.last(prefix);
        return plan.index.map().cursor(view.index(), reverse ? last : first, reverse ? first : last, reverse);
    }

    private static List<Document> documents(Collection<Object> positions, View view) {
        List<Document> documents = new ArrayList<>(positions.size());
        for (Object position : positions) {
            Document document = view.documents().apply(position);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private static boolean equal(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (IndexKeyOrder.compareValues(a[i], b[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
