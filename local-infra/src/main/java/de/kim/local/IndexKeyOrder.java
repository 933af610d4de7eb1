package de.kim.local;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The order of the values in a secondary index's entries, and of the documents' positions.
 *
 * <p>Values are those of the document, normalized as mongo-java-server compares them for equality
 * (numbers as doubles, a missing field as {@code null}), so two values compare as equal exactly
 * when the query matcher finds them equal, and entries for one queried value lie side by side.
 * Values of different types are ordered as MongoDB sorts them (null, numbers, strings, documents,
 * arrays, binary, UUIDs, object ids, booleans, dates, …) and values of one type as mongo-java-server's
 * {@link ValueComparator} orders them: walking an index in its order gives the order of a sort.
 *
 * <p>Positions (a document's {@code _id}) are ordered as the collection's own map orders its keys,
 * so documents with equal index values come in the order a scan finds them.
 */
final class IndexKeyOrder {

    /** The classes in MongoDB's sort order of types (as {@link ValueComparator} keeps it). */
    private static final List<Class<?>> TYPES = List.of(MinKey.class, Number.class, String.class, Document.class,
            Collection.class, de.bwaldvogel.mongo.bson.BinData.class, de.bwaldvogel.mongo.bson.LegacyUUID.class,
            UUID.class, ObjectId.class, Boolean.class, Instant.class, BsonTimestamp.class,
            de.bwaldvogel.mongo.bson.BsonRegularExpression.class, MaxKey.class);

    private static final ObjectDataType POSITIONS = new ObjectDataType();

    private IndexKeyOrder() {
    }

    /** Compares two normalized values of an index key, ascending. */
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        int types = Integer.compare(type(a), type(b));
        if (types != 0) {
            return types;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return x.compareTo(y);
        }
        if (a instanceof UUID x && b instanceof UUID y) {
            return x.toString().compareTo(y.toString());
        }
        return ValueComparator.ascWithoutListHandling().compare(a, b);
    }

    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Decimal128 || b instanceof Decimal128) {
            return ValueComparator.ascWithoutListHandling().compare(a, b);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }

    private static int type(Object value) {
        for (int i = 0; i < TYPES.size(); i++) {
            if (TYPES.get(i).isInstance(value)) {
                return i;
            }
        }
        return TYPES.size();
    }

    /** Compares two positions as the collection's map orders its keys. */
    static int comparePositions(Object a, Object b) {
        return a == b ? 0 : POSITIONS.compare(a, b);
    }

    /** Whether the matcher's equality and this order agree exactly on the value: an index may answer for it alone. */
    static boolean exactlyComparable(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID
                || (value instanceof Double d && !d.isNaN());
    }
}
