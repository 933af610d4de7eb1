package de.kim.steering.query;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.messaging.EnvelopeCodec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of a poll applied with their writes held back ({@link BatchFactStore}) leave the
 * facts and counted figures that applying them one at a time leaves, on the real store; and a
 * batch whose counts were written but whose facts were lost (a crash between the two), delivered
 * again in other bounds, changes no count. Invented histories only ({@link CountedFiguresTest}).
 */
class BatchFactStoreTest {

    private static final List<String> FACTS = List.of("case_facts", "referral_facts", "event_facts", "offer_facts",
            "partner_facts", "record_facts");

    private final MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());
    private final EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());

    @Test
    void batches_leave_the_facts_and_counts_that_one_record_at_a_time_leaves() {
        SteeringProjection batched = projection("batched");
        SteeringProjection oneByOne = projection("one-by-one");
        for (long seed = 1; seed <= 3; seed++) {
            String tenant = "kreis-batch-" + seed;
            List<String> delivered = CountedFiguresTest.deliveries(tenant, new Random(seed));
            delivered.forEach(json -> oneByOne.apply(codec.decode(json)));
            applyInBatches(batched, delivered, 250);

            assertThat(CountedFiguresTest.counts(template(batched), tenant)).as("seed %d", seed).isNotEmpty()
                    .isEqualTo(CountedFiguresTest.counts(template(oneByOne), tenant));
        }
        assertThat(facts(template(batched))).isEqualTo(facts(template(oneByOne)));
    }

    @Test
    void a_batch_delivered_again_after_its_facts_were_lost_changes_no_count() {
        SteeringProjection projection = projection("again");
        SteeringProjection oneByOne = projection("again-one-by-one");
        String tenant = "kreis-again";
        List<String> delivered = CountedFiguresTest.deliveries(tenant, new Random(7));
        int half = delivered.size() / 2;
        applyInBatches(projection, delivered.subList(0, half), 250);
        Map<String, List<Document>> factsBefore = facts(template(projection));
        applyInBatches(projection, delivered.subList(half, half + 40), 40);
        assertThat(facts(template(projection))).isNotEqualTo(factsBefore);

        // The counts of that batch were written, its facts lost: its records come again, in a poll with more.
        restore(template(projection), factsBefore);
        applyInBatches(projection, delivered.subList(half, half + 90), 90);
        delivered.subList(0, half + 90).forEach(json -> oneByOne.apply(codec.decode(json)));

        assertThat(CountedFiguresTest.counts(template(projection), tenant))
                .isEqualTo(CountedFiguresTest.counts(template(oneByOne), tenant));
        assertThat(facts(template(projection))).isEqualTo(facts(template(oneByOne)));
        // And in smaller polls than at first: nothing changes.
        Map<String, Long> counts = CountedFiguresTest.counts(template(projection), tenant);
        restore(template(projection), factsBefore);
        applyInBatches(projection, delivered.subList(half, half + 90), 7);
        assertThat(CountedFiguresTest.counts(template(projection), tenant)).isEqualTo(counts);
    }

    @Test
    void a_batch_whose_writer_died_after_its_counts_is_counted_afresh_at_the_next_start() {
        FactsDatabase database = database("died");
        SteeringProjection projection = new SteeringProjection(database);
        projection.afterSingletonsInstantiated();
        String tenant = "kreis-died";
        List<String> delivered = CountedFiguresTest.deliveries(tenant, new Random(9));
        int half = delivered.size() / 2;
        applyInBatches(projection, delivered.subList(0, half), 250);
        List<String> batch = delivered.subList(half, half + 90);
        BatchFactStore dying = projection.batch();
        batch.forEach(json -> projection.apply(codec.decode(json), dying));
        dying.writeCounts();

        // The next start; the batch comes again, the records of its keys interleaved otherwise.
        SteeringProjection restarted = new SteeringProjection(database);
        restarted.afterSingletonsInstantiated();
        List<String> again = new ArrayList<>(batch);
        again.sort(Comparator.comparing(json -> codec.decode(json).envelope().aggregateId()));
        applyInBatches(restarted, again, 90);

        Map<String, Long> counts = CountedFiguresTest.counts(database.template(), tenant);
        new FigureCountStore(database.template()).recount();
        assertThat(counts).as("the counts of the facts").isEqualTo(CountedFiguresTest.counts(database.template(), tenant));
    }

    private void applyInBatches(SteeringProjection projection, List<String> records, int poll) {
        for (int from = 0; from < records.size(); from += poll) {
            BatchFactStore store = projection.batch();
            for (String json : records.subList(from, Math.min(records.size(), from + poll))) {
                projection.apply(codec.decode(json), store);
                if (store.full()) {
                    store.write();
                }
            }
            store.write();
        }
    }

    private final Map<SteeringProjection, MongoTemplate> databases = new HashMap<>();

    private FactsDatabase database(String name) {
        String database = "batch-test-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new FactsDatabase(client, new MongoTemplate(client, database));
    }

    private SteeringProjection projection(String name) {
        FactsDatabase facts = database(name);
        SteeringProjection projection = new SteeringProjection(facts);
        databases.put(projection, facts.template());
        return projection;
    }

    private MongoTemplate template(SteeringProjection projection) {
        return databases.get(projection);
    }

    private static Map<String, List<Document>> facts(MongoTemplate mongo) {
        Map<String, List<Document>> facts = new HashMap<>();
        for (String collection : FACTS) {
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(collection).find().forEach(documents::add);
            documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
            facts.put(collection, documents);
        }
        return facts;
    }

    private static void restore(MongoTemplate mongo, Map<String, List<Document>> facts) {
        facts.forEach((collection, documents) -> {
            mongo.getCollection(collection).deleteMany(new Document());
            if (!documents.isEmpty()) {
                mongo.getCollection(collection).insertMany(documents);
            }
        });
    }
}
