package de.kim.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one service (scale-out) share a read model: after one of them rebuilt it and
 * switched, the other reads and writes the rebuilt database within a second and not the one before.
 */
class ReadModelDatabaseTest {

    @Document("samples")
    @CompoundIndex(name = "town", def = "{'town': 1}")
    record Sample(@Id String id, String town) {
    }

    @Test
    void the_other_instance_follows_a_switch_and_leaves_the_database_before() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate home = new MongoTemplate(client, "kim-test");
            ReadModelDatabase rebuilding = new ReadModelDatabase(client, home, "samples", Sample.class);
            ReadModelDatabase other = new ReadModelDatabase(client, home, "samples", Sample.class);
            MongoTemplate first = rebuilding.fresh();
            rebuilding.switchTo(first);
            await().atMost(Duration.ofSeconds(5)).until(() -> other.template().getDb().getName()
                    .equals(first.getDb().getName()));
            other.template().insert(new Sample("kreis-mettmann:1", "Velbert"));

            MongoTemplate rebuilt = rebuilding.fresh();
            rebuilt.insert(new Sample("kreis-mettmann:1", "Velbert"));
            rebuilding.switchTo(rebuilt);

            await().atMost(Duration.ofSeconds(5)).until(() -> other.template().getDb().getName()
                    .equals(rebuilt.getDb().getName()));
            other.template().insert(new Sample("kreis-mettmann:2", "Haan"));
            assertThat(rebuilt.findAll(Sample.class)).extracting(Sample::town).containsExactlyInAnyOrder("Velbert", "Haan");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain(first.getDb().getName());
        }
    }

    @Test
    void a_rebuild_loads_without_journal_and_the_switch_makes_it_durable_first() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate home = new MongoTemplate(client, "kim-test");
            ReadModelDatabase database = new ReadModelDatabase(client, home, "samples", Sample.class);
            MongoTemplate rebuilt = database.fresh();
            assertThat(rebuilt.getDb().getWriteConcern()).isEqualTo(ReadModelDatabase.BULK_LOAD);
            rebuilt.insert(new Sample("kreis-mettmann:1", "Mettmann"));

            database.switchTo(rebuilt);

            assertThat(rebuilt.getCollection(ReadModelDatabase.REBUILDS).countDocuments())
                    .as("the durable write to the rebuilt database before the switch").isOne();
            MongoTemplate live = database.template();
            assertThat(live.getDb().getName()).isEqualTo(rebuilt.getDb().getName());
            assertThat(live.getDb().getWriteConcern().getJournal()).as("live writes are durable again").isNull();
            assertThat(live.findAll(Sample.class)).extracting(Sample::town).containsExactly("Mettmann");
        }
    }

    @Test
    void a_bulk_load_gets_its_indexes_at_the_switch_built_over_its_documents() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate home = new MongoTemplate(client, "kim-test");
            ReadModelDatabase database = new ReadModelDatabase(client, home, "samples", Sample.class);
            MongoTemplate rebuilt = database.freshWithoutIndexes();
            for (int i = 0; i < 50; i++) {
                rebuilt.insert(new Sample("kreis-mettmann:" + i, i % 2 == 0 ? "Erkrath" : "Monheim"));
            }
            assertThat(indexNames(rebuilt)).doesNotContain("town");

            database.switchTo(rebuilt);

            assertThat(indexNames(database.template())).contains("town");
            assertThat(database.template().find(Query.query(Criteria.where("town").is("Erkrath")), Sample.class))
                    .hasSize(25);
        }
    }

    private static List<String> indexNames(MongoTemplate template) {
        return template.getCollection("samples").listIndexes().map(index -> index.getString("name"))
                .into(new ArrayList<>());
    }
}
