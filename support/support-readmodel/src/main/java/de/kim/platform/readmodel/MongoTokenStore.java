package de.kim.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The positions of an Axon tracking processor kept in its read model's own database (collection
 * {@value #COLLECTION}), written after the documents of each batch, so a position is never ahead of
 * the data it stands for; a rebuilt database brings its own. Claims work as in Axon's JDBC store
 * (owner and time, taken over after {@link #CLAIM_TIMEOUT}).
 *
 * <p>Before it stores a position or extends its claim, it checks that the stored position is not
 * behind the one this process stored last. If it is, the store lost writes it had acknowledged: the
 * store refuses the batch, the processor releases its claim, fetches the stored position again and
 * replays from there, and {@link ReadModelGaps} logs and counts the gap.
 */
public class MongoTokenStore implements TokenStore {

    public static final String COLLECTION = "read_model_positions";
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final ReadModelDatabase database;
    private final ReadModelGaps gaps;
    private final String owner;
    private final Set<String> segmentsSeen = ConcurrentHashMap.newKeySet();
    private volatile Serializer serializer;

    public MongoTokenStore(ReadModelDatabase database, ReadModelGaps gaps) {
        this.database = database;
        this.gaps = gaps;
        this.owner = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** The serializer of the tokens: Axon's, set when the processor's store is registered. */
    public MongoTokenStore serializedBy(Serializer serializer) {
        this.serializer = serializer;
        return this;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("the segments of " + processorName + " exist already");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            write(tokens(), processorName, segment, initialToken, null);
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        if (tokens().find(id(processorName, segment)).first() != null) {
            throw new UnableToInitializeTokenException("segment " + segment + " of " + processorName + " exists");
        }
        write(tokens(), processorName, segment, token, null);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        MongoCollection<Document> tokens = tokens();
        Document stored = tokens.find(id(processorName, segment)).first();
        checkNotBehind(processorName, segment, stored);
        if (stored != null && claimedByAnother(stored)) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is claimed by another");
        }
        write(tokens, processorName, segment, token, owner);
        gaps.stored(stream(processorName, segment), position(token));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        MongoCollection<Document> tokens = tokens();
        Document stored = tokens.find(id(processorName, segment)).first();
        if (stored == null && segmentsSeen.contains(stream(processorName, segment))) {
            // The store lost the position altogether: the segment starts again from the first event.
            write(tokens, processorName, segment, null, owner);
            gaps.stored(stream(processorName, segment), -1);
            return null;
        }
        if (stored == null) {
            throw new UnableToClaimTokenException("no segment " + segment + " of " + processorName);
        }
        if (claimedByAnother(stored)) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is claimed by another");
        }
        UpdateResult claimed = tokens.updateOne(Filters.and(id(processorName, segment),
                        Filters.eq("owner", stored.getString("owner")), Filters.eq("timestamp", stored.getDate("timestamp"))),
                Updates.combine(Updates.set("owner", owner), Updates.set("timestamp", new Date())));
        if (claimed.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " was claimed meanwhile");
        }
        segmentsSeen.add(stream(processorName, segment));
        gaps.stored(stream(processorName, segment), stored.getLong("position"));
        return token(stored);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        MongoCollection<Document> tokens = tokens();
        Document stored = tokens.find(id(processorName, segment)).first();
        checkNotBehind(processorName, segment, stored);
        UpdateResult extended = tokens.updateOne(Filters.and(id(processorName, segment), Filters.eq("owner", owner)),
                Updates.set("timestamp", new Date()));
        if (extended.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is not claimed here");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        tokens().updateOne(Filters.and(id(processorName, segment), Filters.eq("owner", owner)),
                Updates.set("owner", null));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        tokens().deleteOne(Filters.and(id(processorName, segment), Filters.eq("owner", owner)));
    }

    @Override
    public int[] fetchSegments(String processorName) {
        Set<Integer> segments = new TreeSet<>();
        tokens().find(Filters.eq("processorName", processorName))
                .forEach(d -> segments.add(d.getInteger("segment")));
        // A segment this process worked whose position the store lost is still there: it replays from the start.
        segmentsSeen.stream().filter(s -> s.startsWith(processorName + "/"))
                .forEach(s -> segments.add(Integer.parseInt(s.substring(processorName.length() + 1))));
        return segments.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of("mongo:" + database.template().getDb().getName().replaceAll("-\\d+$", ""));
    }

    /** The lowest position over the processor's segments in the live database; null if none is stored. */
    public Long position(String processorName) {
        Long lowest = null;
        for (Document d : tokens().find(Filters.eq("processorName", processorName))) {
            long p = d.getLong("position");
            lowest = lowest == null ? p : Math.min(lowest, p);
        }
        return lowest;
    }

    /** Writes the position a rebuild reached into the rebuilt database, unclaimed, for each segment. */
    public void writeRebuilt(MongoTemplate target, String processorName, int[] segments, TrackingToken token) {
        MongoCollection<Document> tokens = target.getCollection(COLLECTION);
        for (int segment : segments.length == 0 ? new int[]{0} : segments) {
            write(tokens, processorName, segment, token, null);
        }
    }

    private void checkNotBehind(String processorName, int segment, Document stored) {
        if (gaps.wentBack(stream(processorName, segment), stored == null ? null : stored.getLong("position"))) {
            throw new ReadModelGapException(processorName);
        }
    }

    private boolean claimedByAnother(Document stored) {
        String claimant = stored.getString("owner");
        Date since = stored.getDate("timestamp");
        return claimant != null && !claimant.equals(owner) && since != null
                && since.toInstant().isAfter(Instant.now().minus(CLAIM_TIMEOUT));
    }

    private void write(MongoCollection<Document> tokens, String processorName, int segment, TrackingToken token,
                       String claimant) {
        Document document = new Document("_id", processorName + ":" + segment)
                .append("processorName", processorName).append("segment", segment)
                .append("position", position(token)).append("owner", claimant).append("timestamp", new Date());
        if (token != null) {
            SerializedObject<String> serialized = serializer.serialize(token, String.class);
            document.append("tokenType", serialized.getType().getName()).append("token", serialized.getData());
        }
        tokens.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    private TrackingToken token(Document stored) {
        String type = stored.getString("tokenType");
        if (type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(stored.getString("token"), String.class, type, null));
    }

    private MongoCollection<Document> tokens() {
        return database.template().getCollection(COLLECTION);
    }

    private static Bson id(String processorName, int segment) {
        return Filters.eq("_id", processorName + ":" + segment);
    }

    static String stream(String processorName, int segment) {
        return processorName + "/" + segment;
    }

    /** The position a token stands for: the events it has passed; -1 before the first. */
    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** The stored position was found behind the one this process stored: the processor replays from it. */
    public static class ReadModelGapException extends RuntimeException {
        ReadModelGapException(String processorName) {
            super("the stored position of " + processorName + " went back; replaying from it");
        }
    }
}
