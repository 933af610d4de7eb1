package de.kim.steering.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild's hand-made documents are those Spring Data makes of the same facts, so queries read them alike. */
class FactDocumentsTest {

    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:1");
    private final MongoConverter converter = new MongoTemplate(CLIENT, "kim-test").getConverter();
    private final FactDocuments documents = new FactDocuments(converter);

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void a_case_with_needs_and_events_is_the_document_spring_data_makes() {
        Facts.CaseFact full = new Facts.CaseFact();
        full.id = "kreis-mettmann:c1";
        full.tenant = "kreis-mettmann";
        full.caseId = "c1";
        full.town = "Velbert";
        full.targetGroup = "REFUGEE";
        full.accessRoute = "WALK_IN";
        full.assignee = "cm.velbert";
        full.openedOn = LocalDate.of(2026, 3, 2);
        full.status = "CLOSED";
        full.closedOn = LocalDate.of(2026, 9, 30);
        full.outcome = "GOALS_REACHED";
        full.firstReferralOn = LocalDate.of(2026, 4, 1);
        full.legalDomains = List.of("SGB_II", "ASYLBLG");
        Facts.NeedFact need = new Facts.NeedFact();
        need.id = "n1";
        need.tenant = "kreis-mettmann";
        need.caseId = "c1";
        need.town = "Velbert";
        need.fieldOfAction = "LANGUAGE";
        need.assessedOn = LocalDate.of(2026, 3, 5);
        need.resolved = true;
        full.needs = new ArrayList<>(List.of(need, new Facts.NeedFact()));
        full.events = new ArrayList<>(List.of(new Facts.EventFact("e1", "kreis-mettmann", "GOAL_ACHIEVED",
                LocalDate.of(2026, 6, 1), "Velbert", "LANGUAGE", null)));
        full.lastSequence = 17;

        assertThat(documents.of(full)).isEqualTo(springData(full));
        assertThat(documents.of(new Facts.CaseFact())).as("a case with nothing known yet")
                .isEqualTo(springData(new Facts.CaseFact()));
    }

    @Test
    void referrals_and_countable_events_are_the_documents_spring_data_makes() {
        Facts.ReferralFact referral = new Facts.ReferralFact();
        referral.id = "kreis-mettmann:r1";
        referral.tenant = "kreis-mettmann";
        referral.caseId = "c1";
        referral.partnerId = "p1";
        referral.offerId = "o1";
        referral.fieldOfAction = "WORK";
        referral.town = "Haan";
        referral.madeOn = LocalDate.of(2026, 5, 5);
        referral.status = "DECLINED";
        referral.declineReason = "NO_CAPACITY";
        referral.answeredOn = LocalDate.of(2026, 5, 7);
        Facts.EventFact event = new Facts.EventFact("e2", "kreis-mettmann", "RESIDENCE_STATUS", LocalDate.of(2026, 7, 1),
                null, "104C", "AUFENTHG_25B");
        Facts.OfferFact offer = new Facts.OfferFact();
        offer.id = "kreis-mettmann:o1";
        offer.capacity = 12;

        assertThat(documents.of(referral)).isEqualTo(springData(referral));
        assertThat(documents.of(new Facts.ReferralFact())).isEqualTo(springData(new Facts.ReferralFact()));
        assertThat(documents.of(event)).isEqualTo(springData(event));
        assertThat(documents.of(offer)).as("other kinds, through Spring Data").isEqualTo(springData(offer));
    }

    private Document springData(Object fact) {
        Document document = new Document();
        converter.write(fact, document);
        return document;
    }
}
