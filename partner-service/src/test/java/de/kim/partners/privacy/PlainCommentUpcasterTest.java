package de.kim.partners.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.partners.api.ReferralCompletedEvent;
import de.kim.partners.api.ReferralDeclinedEvent;
import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.partners.api.ReferralWithdrawnEvent;
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
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Referral answers stored with plain free text (revision 1, pinned as JSON) read as revision 2, the text sealed. */
class PlainCommentUpcasterTest {

    private static final String TENANT = "kreis-mettmann";
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")), json, Clock.systemUTC());

    @Test
    void a_revision_1_decline_reads_with_its_comment_sealed_under_the_clients_key() throws Exception {
        ReferralDeclinedEvent declined = upcast(ReferralDeclinedEvent.class, TENANT + ":vhs");
        assertThat(declined.caseId()).isEqualTo("legacy-case-1");
        assertThat(declined.reason()).isEqualTo(DeclineReason.CLIENT_NOT_REACHED);
        assertThat(declined.comment().subject()).isEqualTo("legacy-case-1");
        assertThat(declined.comment().data()).doesNotContain("abgesagt");
        assertThat(vault.open(TENANT, declined.comment(), String.class)).contains("Herr A. hat zweimal abgesagt");
    }

    @Test
    void a_revision_1_completion_and_withdrawal_read_with_their_texts_sealed() throws Exception {
        ReferralCompletedEvent completed = upcast(ReferralCompletedEvent.class, TENANT + ":vhs");
        assertThat(completed.result()).isEqualTo(ReferralResult.GOAL_REACHED);
        assertThat(completed.placesTaken()).isEqualTo(3);
        assertThat(vault.open(TENANT, completed.comment(), String.class)).contains("B1 mit gut bestanden");

        ReferralWithdrawnEvent withdrawn = upcast(ReferralWithdrawnEvent.class, TENANT + ":vhs");
        assertThat(withdrawn.placeFreed()).isTrue();
        assertThat(vault.open(TENANT, withdrawn.reason(), String.class)).contains("Klient ist nach Hamburg verzogen");
    }

    @Test
    void after_the_clients_erasure_a_revision_1_text_reads_as_absent() throws Exception {
        vault.seal(TENANT, "legacy-case-1", "sealed before the erasure");
        vault.shred(TENANT, "legacy-case-1");
        assertThat(upcast(ReferralDeclinedEvent.class, TENANT + ":vhs").comment()).isNull();
        assertThat(upcast(ReferralWithdrawnEvent.class, TENANT + ":vhs").reason()).isNull();
    }

    @Test
    void without_a_tenant_in_the_aggregate_identifier_the_text_is_not_kept() throws Exception {
        assertThat(upcast(ReferralDeclinedEvent.class, "vhs").comment()).isNull();
    }

    private <T> T upcast(Class<T> type, String aggregateId) throws Exception {
        byte[] stored = Objects.requireNonNull(getClass().getResourceAsStream(
                "/upcasting/" + type.getSimpleName() + ".rev1.json")).readAllBytes();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("PartnerAggregate", aggregateId, 4,
                UUID.randomUUID().toString(), "2025-06-01T10:00:00Z", type.getName(), "1", stored,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new PlainCommentUpcaster(vault, json)
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }
}
