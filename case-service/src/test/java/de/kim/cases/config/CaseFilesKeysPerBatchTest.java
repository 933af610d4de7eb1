package de.kim.cases.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.cases.command.CaseAggregate;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-files processor reads each person's data key once per batch ({@link CaseReadModels#keysPerBatch}):
 * within a batch a key shredded after the batch began still opens, as in a rebuild; the next batch
 * reads the key store again and finds it gone.
 */
class CaseFilesKeysPerBatchTest {

    private static final String TENANT = "kreis-mettmann";
    private static final String CASE = "case-keys-per-batch";

    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:keys-per-batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            new ObjectMapper(), Clock.systemUTC());

    @Test
    void a_key_shredded_during_a_batch_opens_until_the_batch_ends_and_no_longer_in_the_next() throws Exception {
        Sealed note = vault.seal(TENANT, CASE, Map.of("text", "Rückfrage zum Integrationskurs"));

        List<Optional<Map>> firstBatch = batch(2, event -> {
            if (((DomainEventMessage<?>) event).getSequenceNumber() == 0) {
                vault.shred(TENANT, CASE);
            }
        }, note);
        List<Optional<Map>> nextBatch = batch(1, event -> {
        }, note);

        assertThat(firstBatch).as("the batch that began with the key").allSatisfy(opened -> assertThat(opened).isPresent());
        assertThat(nextBatch).as("the batch after the shredding").allSatisfy(opened -> assertThat(opened).isEmpty());
    }

    @Test
    void the_keys_read_for_a_batch_are_let_go_when_it_ends() throws Exception {
        Sealed note = vault.seal(TENANT, CASE, Map.of("text", "Rückfrage zum Integrationskurs"));
        assertThat(batch(1, event -> {
        }, note)).allSatisfy(opened -> assertThat(opened).isPresent());

        vault.shred(TENANT, CASE);

        assertThat(vault.open(TENANT, note, Map.class)).as("the same thread after the batch").isEmpty();
    }

    /** A batch of {@code events} events of the case through the interceptor; each opens the note after {@code before}. */
    private List<Optional<Map>> batch(int events, Consumer<EventMessage<?>> before, Sealed note) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(new GenericDomainEventMessage<>(CaseAggregate.class.getSimpleName(), CASE, i, "event",
                    Map.of()));
        }
        List<Optional<Map>> opened = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(CaseReadModels.keysPerBatch(vault)), message -> {
                    // the opening first: the shredding of the first event comes after its own opening
                    opened.add(vault.open(TENANT, note, Map.class));
                    before.accept(message);
                    return null;
                }).proceed());
        return opened;
    }
}
