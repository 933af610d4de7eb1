package de.kim.platform.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Looks for a text in everything the started platform stores: every table of every service's
 * event store, every document of every read-model database, every record of every topic from
 * its start. Answers where it was found.
 */
final class EveryStore {

    private final StartedPlatform platform;

    EveryStore(StartedPlatform platform) {
        this.platform = platform;
    }

    /** In the read models and on the topics, while the platform runs. */
    List<String> whereIsWhileRunning(String text) {
        List<String> found = new ArrayList<>();
        found.addAll(inReadModels(text));
        found.addAll(inTopics(text));
        return found;
    }

    /** In every table of every event store (and the key store); H2 files are opened only once the services stopped. */
    List<String> inEventStores(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String service : List.of("case-service", "partner-service", "immigration-office-service", "steering-service")) {
            Path file = platform.platform().dataDir().resolve(service).resolve("eventstore.mv.db");
            if (!Files.exists(file)) {
                continue;
            }
            String url = "jdbc:h2:file:" + platform.platform().dataDir().resolve(service).resolve("eventstore")
                    + ";ACCESS_MODE_DATA=r";
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                Object value = rows.getObject(c);
                                String readable = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                        : value instanceof java.sql.Blob blob
                                        ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                                        : String.valueOf(value);
                                if (readable.contains(text)) {
                                    found.add("event store of " + service + ", table " + table);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    List<String> inReadModels(String text) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + platform.platform().ports().mongo())) {
            for (String name : mongo.listDatabaseNames()) {
                if (List.of("admin", "local", "config").contains(name)) {
                    continue;
                }
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        if (document.toJson().contains(text)) {
                            found.add("read model " + name + "." + collection);
                        }
                    }
                }
            }
        }
        return found;
    }

    List<String> inTopics(String text) {
        List<String> found = new ArrayList<>();
        // Signed in as the admin, the one principal that may read every topic.
        Map<String, Object> config = new java.util.HashMap<>(platform.platform().kafkaAdminConfig());
        config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "kim-every-store-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Pattern.compile("kim\\..*"));
            long deadline = System.currentTimeMillis() + 60_000;
            Map<org.apache.kafka.common.TopicPartition, Long> ends = null;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (String.valueOf(record.value()).contains(text) || String.valueOf(record.key()).contains(text)) {
                        found.add("topic " + record.topic() + " offset " + record.offset());
                    }
                }
                if (ends == null && !consumer.assignment().isEmpty()) {
                    ends = consumer.endOffsets(consumer.assignment());
                }
                if (ends != null && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("the topics could not be read to their end");
    }
}
