package de.kim.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kim.cases.api.IntegrationPlanAgreedEvent;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case events stored before their texts were sealed (each old shape pinned as JSON under
 * {@code upcasting/}) still read: the text shows as typed while the client exists, and as
 * nothing once the client is erased.
 */
class SealedTextUpcasterTest {

    private static final String CASE = "legacy-case-1";
    private static final String TENANT = "kreis-mettmann";

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:upcast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")), json, Clock.systemUTC());
    private final CaseTexts texts = new CaseTexts(vault);
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new NeedAssessedUpcaster(),
            new SealedTextUpcaster());

    static Stream<String> oldShapes() {
        return SealedTextUpcaster.OLD_SHAPES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("oldShapes")
    void an_old_plain_text_reads_as_typed_while_the_client_exists_and_as_nothing_after_erasure(String type)
            throws Exception {
        SealedTextUpcaster.OldShape shape = SealedTextUpcaster.OLD_SHAPES.get(type);
        String simpleName = type.substring(type.lastIndexOf('.') + 1);
        byte[] stored = fixture("/upcasting/" + simpleName + ".rev" + shape.revision() + ".json");
        JsonNode old = json.readTree(stored);
        vault.seal(TENANT, CASE, "the client's key exists");

        Object event = upcast(type, shape.revision(), stored, shape.newRevision());

        List<String> typed = shape.goals()
                ? List.of(old.path("goals").get(0).path("description").asText())
                : shape.texts().stream().map(field -> old.path(field).asText()).toList();
        assertThat(typed).allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(openedTexts(event, shape)).isEqualTo(typed);

        vault.shred(TENANT, CASE);
        assertThat(openedTexts(event, shape)).containsOnly("");
    }

    @Test
    void a_need_of_revision_1_passes_both_upcasters_and_reads_with_its_day_and_text() throws Exception {
        vault.seal(TENANT, CASE, "the client's key exists");
        byte[] stored = fixture("/upcasting/NeedAssessedEvent.rev1.json");
        NeedAssessedEvent event = (NeedAssessedEvent) upcast(NeedAssessedEvent.class.getName(), "1",
                stored, "3");
        assertThat(event.assessedOn()).isNotNull();
        assertThat(texts.open(TENANT, event.description())).isEqualTo("Deutsch für den Beruf");
    }

    @Test
    void an_event_of_the_sealed_shape_passes_unchanged() throws Exception {
        Sealed sealed = vault.seal(TENANT, CASE, "Deutsch für den Beruf");
        byte[] stored = ("{\"caseId\":{\"value\":\"" + CASE + "\"},\"needId\":{\"value\":\"n\"},\"fieldOfAction\":\"LANGUAGE\","
                + "\"priority\":\"HIGH\",\"description\":" + json.writeValueAsString(sealed)
                + ",\"assessedOn\":\"2026-03-02\"}").getBytes(StandardCharsets.UTF_8);
        NeedAssessedEvent event = (NeedAssessedEvent) upcast(NeedAssessedEvent.class.getName(), "3", stored, "3");
        assertThat(event.description()).isEqualTo(sealed);
        assertThat(texts.open(TENANT, event.description())).isEqualTo("Deutsch für den Beruf");
    }

    private Object upcast(String type, String revision, byte[] stored, String expectedRevision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CaseAggregate", CASE, 1, "e-1",
                "2026-03-01T10:00:00Z", type, revision, stored, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(expectedRevision);
        return serializer.deserialize(upcast.get(0).getData());
    }

    private List<String> openedTexts(Object event, SealedTextUpcaster.OldShape shape) throws Exception {
        if (shape.goals()) {
            return ((IntegrationPlanAgreedEvent) event).goals().stream()
                    .map(goal -> texts.open(TENANT, goal.description())).toList();
        }
        List<String> opened = new java.util.ArrayList<>();
        for (String field : shape.texts()) {
            Sealed sealed = (Sealed) event.getClass().getMethod(field).invoke(event);
            opened.add(texts.open(TENANT, sealed));
        }
        return opened;
    }

    private byte[] fixture(String path) throws Exception {
        return Objects.requireNonNull(getClass().getResourceAsStream(path), path).readAllBytes();
    }
}
