package de.kim.immigration.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.immigration.api.PersonalDetails;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A residence record opened before the person's details were sealed (revision 1, pinned as JSON) reads as revision 2. */
class ResidenceRecordCreatedUpcasterTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")), json, Clock.systemUTC());

    @Test
    void a_revision_1_record_reads_with_its_details_sealed_under_the_records_key() throws Exception {
        ResidenceRecordCreatedEvent event = upcastRevision1();

        assertThat(event.recordId()).isEqualTo(new ResidenceRecordId("legacy-record-1"));
        assertThat(event.tenant()).isEqualTo("kreis-mettmann");
        assertThat(event.person().subject()).isEqualTo("legacy-record-1");
        assertThat(event.person().data()).doesNotContain("1993-08-21").doesNotContain("ERI");
        assertThat(vault.open("kreis-mettmann", event.person(), PersonalDetails.class)).contains(
                new PersonalDetails(LocalDate.of(1993, 8, 21), "ERI", LocalDate.of(2015, 9, 30), true));
    }

    @Test
    void a_revision_1_record_read_after_its_erasure_has_no_details() throws Exception {
        vault.seal("kreis-mettmann", "legacy-record-1", "made before the erasure");
        vault.shred("kreis-mettmann", "legacy-record-1");

        assertThat(upcastRevision1().person()).isNull();
    }

    @Test
    void a_revision_2_record_passes_unchanged() {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("ResidenceRecordAggregate", "r-2", 0,
                "e-2", "2026-03-01T10:00:00Z", ResidenceRecordCreatedEvent.class.getName(), "2",
                "{\"recordId\":{\"value\":\"r-2\"},\"tenant\":\"kreis-mettmann\",\"person\":null}"
                        .getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new ResidenceRecordCreatedUpcaster(vault, json)
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
    }

    private ResidenceRecordCreatedEvent upcastRevision1() throws Exception {
        byte[] stored = Objects.requireNonNull(getClass().getResourceAsStream(
                "/upcasting/ResidenceRecordCreatedEvent.rev1.json")).readAllBytes();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("ResidenceRecordAggregate",
                "legacy-record-1", 0, "e-1", "2025-03-01T10:00:00Z", ResidenceRecordCreatedEvent.class.getName(), "1",
                stored, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new ResidenceRecordCreatedUpcaster(vault, json)
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }
}
