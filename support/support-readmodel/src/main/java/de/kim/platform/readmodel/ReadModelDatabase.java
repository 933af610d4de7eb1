package de.kim.platform.readmodel;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which MongoDB database holds a read model's documents and its position. A rebuild fills a
 * fresh database while queries go on reading the live one, then switches over in one step, so
 * documents and position move together; the choice is kept in the service's own database
 * (collection {@code read_models}), so it survives a restart. Until the first rebuild the
 * service's own database is the read model's.
 *
 * <p>Another instance of the service (scale-out) learns of a switch by reading the choice again,
 * at most {@link #RECHECK} after its last look: from then on it reads and writes the rebuilt
 * database, and drops the one before if it still finds it (its own late writes may have made it
 * again). A Kafka-fed read model of that instance then finds the rebuilt offsets behind its own
 * and replays from them (a gap, healed); an Axon-fed one finds the segment claimed by the
 * rebuilding instance and lets it go.
 */
public class ReadModelDatabase {

    private final MongoClient client;
    private final MongoTemplate home;
    private final String homeName;
    private final String metaCollection;
    private final String metaKey;
    private final String label;
    private final Class<?>[] documents;
    private final AtomicReference<MongoTemplate> live = new AtomicReference<>();
    private volatile long checkedAt;

    /**
     * A rebuild's writes to its fresh database: answered once made, not once journaled. Nobody reads
     * that database before the switch, and a rebuild cut off by a crash is done again, so its bulk
     * load need not wait for a sync per batch (on the embedded server, a commit of every page the
     * batch changed); {@link #switchOnly} makes it durable with one write before it switches.
     */
    static final WriteConcern BULK_LOAD = WriteConcern.W1.withJournal(false);

    /** The collection of a rebuilt database that records its completion: the durable write before the switch. */
    static final String REBUILDS = "read_model_rebuilds";

    /** How long an instance goes on with the database it knows before it reads the choice again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** A read model whose choice of database is kept under its name in {@code read_models}. */
    public ReadModelDatabase(MongoClient client, MongoTemplate home, String readModel, Class<?>... documents) {
        this(client, home, "read_models", readModel, readModel, documents);
    }

    /**
     * A read model whose choice of database is kept under {@code metaKey} in {@code metaCollection};
     * its rebuilt databases are named after the service's own and {@code label}.
     */
    protected ReadModelDatabase(MongoClient client, MongoTemplate home, String metaCollection, String metaKey,
                                String label, Class<?>... documents) {
        this.client = client;
        this.home = home;
        this.homeName = home.getDb().getName();
        this.metaCollection = metaCollection;
        this.metaKey = metaKey;
        this.label = label;
        this.documents = documents;
    }

    /**
     * A read model's database fixed to the given one, for a projection that a rebuild runs on the
     * fresh database: it neither looks up nor switches anything.
     */
    public static ReadModelDatabase pinnedTo(MongoTemplate target) {
        return new ReadModelDatabase(null, target, "read_models", "pinned", "pinned") {
            @Override
            public MongoTemplate template() {
                return target;
            }

            @Override
            public String activeName() {
                return target.getDb().getName();
            }

            @Override
            public MongoTemplate fresh() {
                throw new UnsupportedOperationException("a pinned read-model database has no other");
            }

            @Override
            public void switchTo(MongoTemplate rebuilt) {
                throw new UnsupportedOperationException("a pinned read-model database does not switch");
            }
        };
    }

    /** The template of the live read model. */
    public MongoTemplate template() {
        MongoTemplate current = live.get();
        long now = System.nanoTime();
        if (current != null && now - checkedAt < RECHECK.toNanos()) {
            return current;
        }
        String active;
        try {
            active = activeName();
        } catch (RuntimeException unreadable) {
            if (current == null) {
                throw unreadable;
            }
            return current;
        }
        checkedAt = now;
        if (current != null && current.getDb().getName().equals(active)) {
            return current;
        }
        MongoTemplate switched = indexed(active);
        if (live.compareAndSet(current, switched) && current != null) {
            // Switched by another instance's rebuild: the one before is no longer anyone's.
            dropUnlessHome(current.getDb().getName());
        }
        return live.get();
    }

    public String activeName() {
        Active active = home.findById(metaKey, Active.class, metaCollection);
        return active == null ? homeName : active.database();
    }

    /**
     * A template on an empty database of its own, with the read model's indexes, for a rebuild to fill;
     * its writes are not journaled ({@link #BULK_LOAD}) until {@link #switchOnly} switches to it.
     */
    public MongoTemplate fresh() {
        MongoTemplate template = freshWithoutIndexes();
        indexes(template);
        return template;
    }

    /**
     * As {@link #fresh()}, but without the read model's secondary indexes until {@link #switchOnly}
     * makes them, each in one pass over the documents then there, as a bulk load into MongoDB does:
     * for a replay that writes its documents at its end and looks them up by id only meanwhile.
     * Made while the documents go in, an index takes its entries in random order, and the store
     * writes nearly all of its pages again at each commit of the load.
     */
    public MongoTemplate freshWithoutIndexes() {
        String name = homeName + "-" + label + "-" + System.currentTimeMillis();
        SimpleMongoClientDatabaseFactory bulkLoad = new SimpleMongoClientDatabaseFactory(client, name);
        bulkLoad.setWriteConcern(BULK_LOAD);
        return new MongoTemplate(bulkLoad);
    }

    /** Makes the read model's declared indexes in the template's database, those not there yet. */
    public void indexes(MongoTemplate template) {
        ReadModelIndexes.ensure(template, documents);
    }

    /** The same database as the given template's, with the client's write concern (durable writes). */
    public MongoTemplate durable(MongoTemplate template) {
        return new MongoTemplate(client, template.getDb().getName());
    }

    private MongoTemplate indexed(String database) {
        MongoTemplate template = new MongoTemplate(client, database);
        ReadModelIndexes.ensure(template, documents);
        return template;
    }

    /** Makes the given database the live one and drops the one before, unless it is the service's home. */
    public void switchTo(MongoTemplate rebuilt) {
        dropUnlessHome(switchOnly(rebuilt));
    }

    /**
     * Makes the given database the live one; answers the name of the one before, for {@link #dropUnlessHome}.
     * First the indexes a rebuild made without them ({@link #freshWithoutIndexes}), then a durable write to the rebuilt database: it is acknowledged once everything written there
     * before it is durable too (the embedded server commits a database's store as a whole; MongoDB's
     * journal is one log), so the switch never points at a database a crash could leave half-written.
     */
    public String switchOnly(MongoTemplate rebuilt) {
        MongoTemplate durable = durable(rebuilt);
        indexes(durable);
        durable.getCollection(REBUILDS).replaceOne(Filters.eq("_id", metaKey),
                new Document("_id", metaKey).append("completedAt", new Date()), new ReplaceOptions().upsert(true));
        String previous = activeName();
        home.upsert(Query.query(Criteria.where("_id").is(metaKey)),
                new Update().set("database", rebuilt.getDb().getName()), metaCollection);
        live.set(durable);
        checkedAt = System.nanoTime();
        return previous;
    }

    /** Drops a database no longer live, unless it is the service's own or the live one. */
    public void dropUnlessHome(String previous) {
        if (!previous.equals(homeName) && !previous.equals(activeName())) {
            client.getDatabase(previous).drop();
        }
    }

    /** The record of which database is live. */
    record Active(String id, String database) {
    }
}
