package de.kim.cases.command;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.cases.api.ClientErasedEvent;
import de.kim.cases.api.CompleteFollowUpCommand;
import de.kim.cases.api.EraseClientCommand;
import de.kim.cases.api.ErasureGround;
import de.kim.cases.api.ExpireConsentCommand;
import de.kim.cases.api.OpenCaseCommand;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.api.RecordResidenceLinkAnswerCommand;
import de.kim.cases.api.RecordStatusCheckAnswerCommand;
import de.kim.cases.api.ReopenCaseCommand;
import de.kim.cases.api.RevokeConsentCommand;
import de.kim.cases.api.SetErasureBlockCommand;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.api.WithdrawReferralCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one check in front of every command to a case, whichever part of the aggregate handles it:
 * each command of the case's API is tried against a case of another tenant, of another case
 * manager, a closed and an erased one. The check runs before any handler, so the commands carry
 * only the case id.
 */
class CaseGuardTest {

    private static final Map<String, String> ANNA = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna",
            "roles", "CASE_MANAGER");
    private static final Map<String, String> BOB = Map.of("tenant", "kreis-mettmann", "actor", "cm-bob",
            "roles", "CASE_MANAGER");
    private static final Map<String, String> OTHER_TENANT = Map.of("tenant", "kreis-musterland", "actor", "cm-x",
            "roles", "CASE_MANAGEMENT_LEAD");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));
    /** Commands that still reach a closed or erased case. */
    private static final Set<Class<?>> ANY_STATE = Set.of(RevokeConsentCommand.class, ExpireConsentCommand.class,
            WithdrawReferralCommand.class, RecordReferralAnswerCommand.class, CompleteFollowUpCommand.class,
            RecordStatusCheckAnswerCommand.class, RecordResidenceLinkAnswerCommand.class);
    /** Commands that also reach a closed case, unless erased. */
    private static final Set<Class<?>> CLOSED_TOO = Set.of(ReopenCaseCommand.class, EraseClientCommand.class,
            SetErasureBlockCommand.class);

    private final CaseId id = new CaseId("case-1");
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            JsonMapper.builder().findAndAddModules().build(), CLOCK);

    /**
     * Every command to an existing case: the command records of the case's API that target a case
     * (a {@code CaseId} as their aggregate identifier) but the one that opens it.
     */
    static Stream<Class<?>> commandsToACase() {
        return new ClassFileImporter().importPackages("de.kim.cases.api").stream()
                .filter(c -> c.getSimpleName().endsWith("Command") && !c.isNestedClass())
                .<Class<?>>map(c -> c.reflect())
                .filter(c -> c.isRecord() && c != OpenCaseCommand.class && targetsACase(c))
                .sorted(java.util.Comparator.comparing(Class::getName));
    }

    private static boolean targetsACase(Class<?> command) {
        return Arrays.stream(command.getDeclaredFields()).anyMatch(field -> field.getType() == CaseId.class
                && field.isAnnotationPresent(TargetAggregateIdentifier.class));
    }

    @ParameterizedTest
    @MethodSource("commandsToACase")
    void another_tenants_case_is_not_found(Class<?> command) {
        fixture().given(opened())
                .when(only(command), OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents()
                .expectExceptionMessage("case.not-found");
    }

    @ParameterizedTest
    @MethodSource("commandsToACase")
    void a_case_manager_finds_no_case_assigned_to_another(Class<?> command) {
        fixture().given(opened())
                .when(only(command), BOB)
                .expectException(NotFoundException.class).expectNoEvents()
                .expectExceptionMessage("case.not-found");
    }

    @ParameterizedTest
    @MethodSource("commandsToACase")
    void a_closed_case_takes_only_what_ends_or_reopens_it(Class<?> command) {
        if (ANY_STATE.contains(command) || CLOSED_TOO.contains(command)) {
            return;
        }
        fixture().given(opened(), new CaseClosedEvent(id, CaseOutcome.MOVED_AWAY, null, TODAY))
                .when(only(command), ANNA)
                .expectException(ConflictException.class).expectNoEvents()
                .expectExceptionMessage("case.closed");
    }

    @ParameterizedTest
    @MethodSource("commandsToACase")
    void an_erased_case_takes_only_the_ends_of_consents_referrals_and_follow_ups(Class<?> command) {
        if (ANY_STATE.contains(command)) {
            return;
        }
        fixture().given(opened(), new ClientErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST, null, TODAY))
                .when(only(command), ANNA)
                .expectException(ConflictException.class).expectNoEvents()
                .expectExceptionMessage("case.erased");
    }

    @Test
    void the_commands_are_found() {
        assertThat(commandsToACase()).hasSizeGreaterThan(25).containsAll(ANY_STATE).containsAll(CLOSED_TOO);
    }

    private AggregateTestFixture<CaseAggregate> fixture() {
        AggregateTestFixture<CaseAggregate> fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new CaseTexts(vault));
        fixture.registerInjectableResource(new ThemeCatalogue(Map.of()));
        fixture.registerInjectableResource((PartnerDirectory) (tenant, partner, offer) -> java.util.Optional.empty());
        return fixture;
    }

    private CaseOpenedEvent opened() {
        return new CaseOpenedEvent(id, "kreis-mettmann", "KIM-2026-00001", null, "Velbert", TargetGroup.NEWLY_ARRIVED,
                AccessRoute.JOBCENTER, "cm-anna", TODAY.minusDays(30));
    }

    /** The command naming only the case: every other component empty (false for a flag, 0 for a number). */
    private Object only(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(c -> c.getType() == CaseId.class ? id : c.getType() == boolean.class ? Boolean.FALSE
                        : c.getType() == int.class ? (Object) 0 : null)
                .toArray();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be made with the case id alone", e);
        }
    }
}
