package de.kim.cases.query;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case-file projection on the real Mongo-wire server, with events delivered again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CaseFileProjectionIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    CaseFileProjection projection;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    MongoTemplate mongo;

    @Test
    void a_case_opened_event_delivered_again_leaves_one_case_file_as_it_was() {
        CaseId id = CaseId.random();
        ClientProfile client = new ClientProfile("Layla", "Erfunden", LocalDate.of(1994, 6, 1), "AFG", List.of("fa"),
                "Haan", null);
        CaseOpenedEvent opened = new CaseOpenedEvent(id, TestTokens.TENANT, "KIM-2026-00007", vault.seal(TestTokens.TENANT, id.value(), client),
                "Haan", TargetGroup.NEWLY_ARRIVED, AccessRoute.SELF, "cm-anna", LocalDate.of(2026, 12, 1));

        projection.on(opened, 0);
        CaseFile first = mongo.findById(id.value(), CaseFile.class);
        first.assignee = "cm-ben";
        mongo.save(first);
        projection.on(opened, 0);

        assertThat(mongo.count(Query.query(Criteria.where("_id").is(id.value())), CaseFile.class)).isEqualTo(1);
        CaseFile file = mongo.findById(id.value(), CaseFile.class);
        assertThat(file.assignee).as("the later change stays").isEqualTo("cm-ben");
        assertThat(file.client.familyName()).isEqualTo("Erfunden");
    }
}
