package de.kim.platform.readmodel;

import com.mongodb.MongoCommandException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The indexes a read model's queries need on MongoDB, declared on its document class
 * ({@code @CompoundIndex}, next to the fields they cover) and created here: when the service
 * starts, and again after a replay dropped the collection. The queries users wait for filter by
 * tenant first, so their indexes start with it; the few that work across tenants (the retention
 * job, updates by case or partner id) have their own. The embedded Mongo-wire server keeps and
 * uses them too, for equalities on their first keys and for sorts on the next.
 */
public final class ReadModelIndexes {

    private ReadModelIndexes() {
    }

    private static final int INDEX_NOT_FOUND = 27;

    /** The index MongoDB keeps on {@code _id} of every collection. */
    private static final String ID_INDEX = "_id_";

    /** The declared indexes of each document class, read from its annotations once. */
    private static final Map<Class<?>, List<IndexDefinition>> DECLARED = new ConcurrentHashMap<>();

    /**
     * Creates the declared indexes of each document class that are not there yet: one
     * {@code createIndexes} command per collection (a rebuild makes them on a fresh database, and
     * each command is a durable commit on the server). An index no longer declared is dropped:
     * every write would keep it up to date for no query. A collection's indexes are those its
     * one document class declares.
     */
    public static void ensure(MongoTemplate mongo, Class<?>... documentClasses) {
        for (Class<?> documentClass : documentClasses) {
            List<IndexDefinition> declared = DECLARED.computeIfAbsent(documentClass, type -> {
                List<IndexDefinition> found = new ArrayList<>();
                IndexResolver.create(mongo.getConverter().getMappingContext()).resolveIndexFor(type).forEach(found::add);
                return List.copyOf(found);
            });
            if (declared.isEmpty()) {
                continue;
            }
            List<Document> indexes = declared.stream().map(ReadModelIndexes::command).toList();
            String collection = mongo.getCollectionName(documentClass);
            mongo.getDb().runCommand(new Document("createIndexes", collection).append("indexes", indexes));
            Set<String> names = indexes.stream().map(index -> index.getString("name")).collect(Collectors.toSet());
            List<String> retired = new ArrayList<>();
            mongo.getCollection(collection).listIndexes().forEach(index -> {
                String name = index.getString("name");
                if (!ID_INDEX.equals(name) && !names.contains(name)) {
                    retired.add(name);
                }
            });
            for (String name : retired) {
                try {
                    mongo.getCollection(collection).dropIndex(name);
                } catch (MongoCommandException gone) {
                    if (gone.getErrorCode() != INDEX_NOT_FOUND) {
                        throw gone;
                    }
                    // Dropped meanwhile by another instance, or listed but no longer kept (the Mongo-wire server).
                }
            }
        }
    }

    /** An index as the {@code createIndexes} command takes it: its keys, its name and its options. */
    private static Document command(IndexDefinition index) {
        Document command = new Document("key", index.getIndexKeys());
        command.putAll(index.getIndexOptions());
        if (!command.containsKey("name")) {
            // The driver's default name, as createIndex would give it.
            command.put("name", index.getIndexKeys().entrySet().stream()
                    .map(key -> key.getKey() + "_" + key.getValue()).collect(Collectors.joining("_")));
        }
        return command;
    }

    /** Empties a read model for a replay: drops its collection and creates its indexes again. */
    public static void dropAndRecreate(MongoTemplate mongo, Class<?> documentClass) {
        mongo.dropCollection(documentClass);
        ensure(mongo, documentClass);
    }
}
