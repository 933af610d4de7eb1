package de.kim.cases.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.immigration.CaseLinkAnswered;
import de.kim.local.EmbeddedInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** What the immigration office sends case management on {@code kim.immigration.v1}, as the tests need it. */
final class OfficeAnswers {

    private OfficeAnswers() {
    }

    /** The office confirms (or refuses) the case's link to the record. */
    static void answerLink(ObjectMapper json, String tenant, String caseId, String record, boolean confirmed)
            throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(CaseLinkAnswered.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", record);
        ((ObjectNode) envelope.path("data")).put("caseId", caseId).put("residenceRecordId", record)
                .put("confirmed", confirmed).put("answeredOn", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMMIGRATION, record, json.writeValueAsString(envelope))).get();
        }
    }
}
