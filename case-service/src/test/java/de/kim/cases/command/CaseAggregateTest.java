package de.kim.cases.command;

import de.kim.cases.api.AccessRoute;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.OpenCaseCommand;
import de.kim.cases.api.TargetGroup;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

class CaseAggregateTest {

    private static final Map<String, String> ANNA_IN_METTMANN = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna");
    private static final Clock NOV_2ND = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    private AggregateTestFixture<CaseAggregate> fixture;
    private final CaseId id = new CaseId("case-1");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerInjectableResource(new TenantDirectory(Map.of("kreis-mettmann",
                new TenantDirectory.Tenant("Kreis Mettmann", List.of("Velbert", "Hilden")))));
        fixture.registerInjectableResource(NOV_2ND);
    }

    @Test
    void a_case_opens_for_a_client_in_a_town_of_the_kommune_on_todays_date() {
        ClientProfile client = client("Velbert", LocalDate.of(1990, 4, 12));
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, client, TargetGroup.NEWLY_ARRIVED, AccessRoute.JOBCENTER, "cm-anna"),
                        ANNA_IN_METTMANN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpenedEvent(id, "kreis-mettmann", client, TargetGroup.NEWLY_ARRIVED,
                        AccessRoute.JOBCENTER, "cm-anna", LocalDate.of(2026, 11, 2)));
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, client("Velbert", LocalDate.of(2026, 11, 3)), TargetGroup.FAMILIES,
                        AccessRoute.SELF, "cm-anna"), ANNA_IN_METTMANN)
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_town_outside_the_kommune_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, client("Düsseldorf", LocalDate.of(1990, 4, 12)), TargetGroup.FAMILIES,
                        AccessRoute.SELF, "cm-anna"), ANNA_IN_METTMANN)
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    private static ClientProfile client(String town, LocalDate dateOfBirth) {
        return new ClientProfile("Amina", "Beispiel", dateOfBirth, "SYR", List.of("ar"), town, null);
    }
}
