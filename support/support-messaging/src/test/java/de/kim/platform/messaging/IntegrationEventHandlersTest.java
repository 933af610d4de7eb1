package de.kim.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dispatcher on the contracts' pinned fixtures: what each kind of record comes to. */
class IntegrationEventHandlersTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final EnvelopeCodec codec = new EnvelopeCodec(json);
    private final List<Object> applied = new ArrayList<>();
    private final IntegrationEventHandlers<ReceivedEvent> handlers = IntegrationEventHandlers.<ReceivedEvent>builder("test")
            .on(CaseOpened.TYPE, CaseOpened.class, (event, opened) -> applied.add(opened))
            .on(ReferralMade.TYPE, ReferralMade.class, (event, made) -> {
                RecordFields.code(FieldOfAction.class, made.fieldOfAction(), "fieldOfAction");
                applied.add(made);
            })
                .upgrading(ReferralMade.VERSION_2, ReferralMade.Version2.class,
                        (event, v2) -> v2.upgraded("sealed:" + v2.note().length()))
            .build();

    @Test
    void a_known_type_goes_to_its_handler_as_its_record() {
        assertThat(dispatch(Fixtures.json(CaseOpened.TYPE))).isTrue();

        assertThat(applied).singleElement().isInstanceOfSatisfying(CaseOpened.class, opened -> {
            assertThat(opened.caseId()).isEqualTo("0e6a8a1e-2b7c-4a55-8f0e-3a9b1c2d4e5f");
            assertThat(opened.targetGroup()).isEqualTo("NEWLY_ARRIVED");
        });
    }

    @Test
    void an_older_version_is_upgraded_and_goes_to_the_handler_of_the_current_one() {
        assertThat(dispatch(Fixtures.json(ReferralMade.VERSION_2))).isTrue();

        assertThat(applied).singleElement().isInstanceOfSatisfying(ReferralMade.class, made -> {
            assertThat(made.referralId()).isEqualTo("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
            assertThat(made.fieldOfAction()).isEqualTo("LANGUAGE");
            assertThat(made.sealedNote()).isEqualTo("sealed:" + "Bitte Kinderbetreuung einplanen".length());
        });
    }

    @Test
    void a_type_the_consumer_does_not_read_is_skipped_and_counted() {
        assertThat(dispatch(Fixtures.json(PartnerRegistered.TYPE))).isFalse();

        assertThat(applied).isEmpty();
        assertThat(handlers.skipped()).isEqualTo(1);
    }

    @Test
    void a_record_whose_header_names_a_type_the_consumer_does_not_read_is_skipped_unparsed() {
        ConsumerRecord<String, String> unreadable = record("not an envelope", PartnerRegistered.TYPE);

        IntegrationEventHandlers.read(unreadable, codec, handlers);

        assertThat(applied).isEmpty();
        assertThat(handlers.skipped()).isEqualTo(1);
    }

    @Test
    void a_record_whose_header_names_a_type_the_consumer_reads_or_that_has_no_header_is_parsed_and_dispatched() {
        IntegrationEventHandlers.read(record(Fixtures.json(CaseOpened.TYPE), CaseOpened.TYPE), codec, handlers);
        IntegrationEventHandlers.read(record(Fixtures.json(CaseOpened.TYPE), null), codec, handlers);

        assertThat(applied).hasSize(2).allMatch(CaseOpened.class::isInstance);
        assertThatThrownBy(() -> IntegrationEventHandlers.read(record("not an envelope", CaseOpened.TYPE), codec, handlers))
                .isInstanceOf(MalformedEnvelopeException.class);
    }

    private static ConsumerRecord<String, String> record(String value, EventType headerType) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kim.case.v1", 0, 0L, "key", value);
        if (headerType != null) {
            record.headers().add(KafkaEventPublisher.TYPE_HEADER, headerType.name().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void a_version_the_consumer_does_not_read_is_refused_for_the_dead_letter_topic() throws Exception {
        ObjectNode newer = (ObjectNode) json.readTree(Fixtures.json(ReferralMade.TYPE));
        newer.put("version", 4);

        assertThatThrownBy(() -> dispatch(json.writeValueAsString(newer)))
                .isInstanceOf(UnprocessableRecordException.class)
                .hasMessageContaining("kim.case.ReferralMade v4 5f0c7a52-7d4e-4a8e-9d7e-456809476266")
                .hasMessageContaining("version 4 of kim.case.ReferralMade is not one this consumer reads [2, 3]");
        assertThat(applied).isEmpty();
        assertThat(handlers.skipped()).isZero();
    }

    @Test
    void an_unknown_code_in_a_payload_is_refused_for_the_dead_letter_topic_naming_ids_and_the_code_only() throws Exception {
        ObjectNode record = (ObjectNode) json.readTree(Fixtures.json(ReferralMade.VERSION_2));
        ((ObjectNode) record.path("data")).put("fieldOfAction", "UNDERWATER_BASKET_WEAVING");

        assertThatThrownBy(() -> dispatch(json.writeValueAsString(record)))
                .isInstanceOf(UnprocessableRecordException.class)
                .hasMessageContaining("kim.case.ReferralMade v2 5f0c7a52-7d4e-4a8e-9d7e-456809476265")
                .hasMessageContaining("unknown code 'UNDERWATER_BASKET_WEAVING' in fieldOfAction")
                .message().doesNotContain("Kinderbetreuung");
        assertThat(applied).isEmpty();
    }

    @Test
    void a_type_is_read_once_and_an_upgrade_comes_from_an_older_version_of_the_same_type() {
        IntegrationEventHandlers.Builder<ReceivedEvent> twice = IntegrationEventHandlers.builder("test");
        twice.on(CaseOpened.TYPE, CaseOpened.class, (event, opened) -> { });
        assertThatThrownBy(() -> twice.on(CaseOpened.TYPE, CaseOpened.class, (event, opened) -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IntegrationEventHandlers.<ReceivedEvent>builder("test")
                .on(ReferralMade.TYPE, ReferralMade.class, (event, made) -> { })
                .upgrading(new EventType(ReferralMade.TYPE.name(), 4), ReferralMade.Version2.class, (event, v) -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_code_is_read_without_value_of() {
        assertThat(Codes.of(FieldOfAction.class, "LANGUAGE")).contains(FieldOfAction.LANGUAGE);
        assertThat(Codes.of(FieldOfAction.class, "UNDERWATER_BASKET_WEAVING")).isEmpty();
        assertThat(Codes.of(FieldOfAction.class, null)).isEmpty();
    }

    private boolean dispatch(String record) {
        ReceivedEvent event = codec.decode(record);
        return handlers.dispatch(event, event);
    }
}
