package de.kim.partners.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kim.partners.api.ReferralReceivedEvent;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.SealedTexts;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
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
 * A referral received while the note came in plain text (revision 2, pinned as JSON) still reads:
 * its note shows while the client exists and not at all once the client is erased.
 */
class ReferralReceivedUpcasterTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:partner-upcast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")), json, Clock.systemUTC());

    @Test
    void a_revision_2_note_reads_as_typed_while_the_client_exists_and_as_nothing_after_erasure() throws Exception {
        byte[] stored = Objects.requireNonNull(getClass().getResourceAsStream("/upcasting/ReferralReceivedEvent.rev2.json"))
                .readAllBytes();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("PartnerAggregate", "kreis-mettmann:p", 1,
                "e-1", "2026-03-02T10:00:00Z", ReferralReceivedEvent.class.getName(), "2", stored,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new ReferralReceivedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        ReferralReceivedEvent event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.note().subject()).isEqualTo("legacy-case-1");
        SealedTexts texts = new SealedTexts(vault);
        vault.seal("kreis-mettmann", "legacy-case-1", "the client's key exists");
        assertThat(texts.open("kreis-mettmann", event.note())).isEqualTo("Bitte Kinderbetreuung einplanen");
        vault.shred("kreis-mettmann", "legacy-case-1");
        assertThat(texts.open("kreis-mettmann", event.note())).isEmpty();
    }
}
