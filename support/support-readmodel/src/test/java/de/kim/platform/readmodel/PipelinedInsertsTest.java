package de.kim.platform.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's batches, one in flight while the next is made: every one is written, and a failed write is not lost. */
class PipelinedInsertsTest {

    @Test
    void every_batch_is_written_once_close_returns_and_a_failed_write_is_thrown() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("kim-test").getCollection("documents");
            try (PipelinedInserts inserts = new PipelinedInserts()) {
                for (int batch = 0; batch < 5; batch++) {
                    List<Document> some = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        some.add(new Document("_id", batch * 100 + i));
                    }
                    inserts.insert(documents, some);
                }
            }
            assertThat(documents.countDocuments()).isEqualTo(500);

            PipelinedInserts again = new PipelinedInserts();
            again.insert(documents, new ArrayList<>(List.of(new Document("_id", 7))));
            assertThatThrownBy(again::close).as("a document written before").isInstanceOf(MongoBulkWriteException.class);
        }
    }
}
