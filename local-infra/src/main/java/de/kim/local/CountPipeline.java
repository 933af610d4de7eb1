package de.kim.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * The driver's {@code countDocuments} (and Spring Data's {@code count}) as the count it is: an
 * aggregation {@code [{$match: q}, ({$skip: n}), ({$limit: n}), {$group: {_id: 1, n: {$sum: 1}}}]}.
 * mongo-java-server runs every aggregation over all documents of the collection; this one is
 * answered by the collection's count, which an index serves ({@link SnapshotCollection#count}).
 */
final class CountPipeline {

    private CountPipeline() {
    }

    /** The answer to the aggregate command if it is a count of a collection of this backend, else {@code null}. */
    static Document answer(SnapshotReadH2Backend backend, String databaseName, Document command) {
        if (!(command.get("aggregate") instanceof String collectionName)
                || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
                || command.containsKey("let") || command.containsKey("explain")
                || !(pipeline.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)
                || !(pipeline.get(pipeline.size() - 1) instanceof Document last)) {
            return null;
        }
        String field = countField(last);
        if (field == null) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (stage instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n && limit == 0) {
                skip += n.intValue();
            } else if (stage instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n
                    && limit == 0 && n.intValue() > 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoDatabase database = backend.resolveDatabase(databaseName);
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection != null && !(collection instanceof SnapshotCollection)) {
            return null;
        }
        int count = collection == null ? 0 : collection.count(match, skip, limit);
        Document group = ((Document) last.get("$group"));
        List<Document> batch = count == 0 ? List.of()
                : List.of(new Document("_id", group.get("_id")).append(field, count));
        Document cursor = new Document("firstBatch", batch).append("id", 0L)
                .append("ns", databaseName + "." + collectionName);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /** The name of the count in a {@code $group} with a constant {@code _id} and one {@code {$sum: 1}}; else {@code null}. */
    private static String countField(Document stage) {
        if (stage.size() != 1 || !(stage.get("$group") instanceof Document group) || group.size() != 2
                || !group.containsKey("_id") || group.get("_id") instanceof Document
                || (group.get("_id") instanceof String id && id.startsWith("$"))) {
            return null;
        }
        for (String field : group.keySet()) {
            if (!field.equals("_id")) {
                return group.get(field) instanceof Document sum && sum.size() == 1
                        && sum.get("$sum") instanceof Number one && one.intValue() == 1 && one.doubleValue() == 1.0
                        ? field : null;
            }
        }
        return null;
    }
}
