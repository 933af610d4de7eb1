package de.kim.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedResultsTest {

    @Document("samples")
    record Sample(@Id String id, String tenant, String status) {
    }

    @Test
    void a_list_of_up_to_a_thousand_is_answered_whole_and_one_more_is_refused_asking_to_narrow_the_filter() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-test");
            List<Sample> open = new ArrayList<>();
            for (int i = 0; i < BoundedResults.MAX; i++) {
                open.add(new Sample("kreis-muster:" + i, "kreis-muster", "OPEN"));
            }
            mongo.insertAll(open);
            Query openCases = Query.query(Criteria.where("status").is("OPEN")).with(Sort.by("id"));

            assertThat(BoundedResults.find(mongo, openCases, Sample.class)).hasSize(1_000);

            mongo.insert(new Sample("kreis-muster:one-more", "kreis-muster", "OPEN"));
            assertThatThrownBy(() -> BoundedResults.find(mongo,
                    Query.query(Criteria.where("status").is("OPEN")).with(Sort.by("id")), Sample.class))
                    .isInstanceOfSatisfying(TooManyResultsException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.problemType()).isEqualTo("too-many-results");
                        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
                        messages.setBasename("kim-platform-messages");
                        messages.setDefaultEncoding("UTF-8");
                        messages.setFallbackToSystemLocale(false);
                        assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.GERMAN))
                                .isEqualTo("Die Suche ergibt mehr als 1.000 Treffer. Bitte grenzen Sie sie weiter ein, "
                                        + "zum Beispiel nach Status, Ort oder Zuständigkeit.");
                        assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH))
                                .startsWith("The search finds more than 1,000 results.");
                    });
        }
    }
}
