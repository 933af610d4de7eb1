package de.kim.local;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A sorted page kept while reading is the page a full stable sort gives, ties in the order read. */
class TopDocumentsTest {

    @Test
    void the_first_documents_are_those_a_stable_sort_puts_first() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Comparator<Document> byStatusThenDay = Comparator.<Document, String>comparing(d -> d.get("status").toString())
                .thenComparing(d -> (Integer) d.get("day"), Comparator.reverseOrder());
        for (int round = 0; round < 200; round++) {
            List<Document> documents = new ArrayList<>();
            int size = random.nextInt(300);
            for (int i = 0; i < size; i++) {
                // Few distinct values: many ties, whose order only the reading order decides.
                documents.add(new Document("_id", "c" + i).append("status", random.nextBoolean() ? "OPEN" : "CLOSED")
                        .append("day", random.nextInt(5)));
            }
            int count = 1 + random.nextInt(60);
            List<Document> sorted = documents.stream().sorted(byStatusThenDay).limit(count).toList();
            assertThat(TopDocuments.first(documents.stream(), byStatusThenDay, count))
                    .as("seed %d, round %d", seed, round).isEqualTo(sorted);
        }
    }
}
