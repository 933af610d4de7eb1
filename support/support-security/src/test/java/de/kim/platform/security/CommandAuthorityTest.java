package de.kim.platform.security;

import de.kim.platform.domain.Role;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandAuthorityTest {

    record ReceiveSomething(String id) {
    }

    record DeleteEverything(String id) {
    }

    private static final TenantId METTMANN = new TenantId("kreis-mettmann");
    private final CommandAuthority authority = new CommandAuthority(
            ServiceGrants.builder().grant("partner-service.case-events", ReceiveSomething.class));

    @Test
    void a_service_principal_may_send_the_commands_it_is_granted() throws Exception {
        assertThat(run(new ReceiveSomething("1"), Actor.servicePrincipal(METTMANN, "cm-anna", "partner-service.case-events")
                .asMetaData())).isEqualTo("handled");
    }

    @Test
    void a_service_principal_may_send_no_other_command() {
        assertThatThrownBy(() -> run(new DeleteEverything("1"),
                Actor.servicePrincipal(METTMANN, "cm-anna", "partner-service.case-events").asMetaData()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(new ReceiveSomething("1"),
                Actor.servicePrincipal(METTMANN, "cm-anna", "partner-service.forged").asMetaData()))
                .as("an unknown principal").isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_person_needs_a_role() throws Exception {
        assertThat(run(new DeleteEverything("1"), new Actor(METTMANN, "lead", Set.of(Role.CASE_MANAGEMENT_LEAD),
                Optional.empty()).asMetaData())).isEqualTo("handled");
        assertThatThrownBy(() -> run(new DeleteEverything("1"), new Actor(METTMANN, "nobody", Set.of(),
                Optional.empty()).asMetaData())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(new DeleteEverything("1"), Map.of("tenant", "kreis-mettmann", "actor", "nobody")))
                .as("tenant and user but no roles, as relays sent before").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(new DeleteEverything("1"), Map.of()))
                .as("no actor at all").isInstanceOf(NotFoundException.class);
    }

    private Object run(Object payload, Map<String, String> metaData) throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload).andMetaData(MetaData.from(metaData));
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            return authority.handle(unitOfWork, () -> "handled");
        } finally {
            unitOfWork.rollback();
        }
    }
}
