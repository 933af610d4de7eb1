package de.kim.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each contract has a fixture, and the fixture's payload has exactly the record's fields. */
class FixturesTest {

    static final List<Contracts.Contract> CONTRACTS = Contracts.ALL;
    /** The older versions still on a topic, each with the record its consumers read it as. */
    static final List<Contracts.Contract> OLDER_VERSIONS = List.of(
            new Contracts.Contract(de.kim.contracts.cases.ReferralMade.VERSION_2, Topics.CASE,
                    de.kim.contracts.cases.ReferralMade.Version2.class),
            new Contracts.Contract(de.kim.contracts.cases.ReferralWithdrawn.VERSION_1, Topics.CASE,
                    de.kim.contracts.cases.ReferralWithdrawn.Version1.class),
            new Contracts.Contract(de.kim.contracts.partners.PartnerRegistered.VERSION_1, Topics.PARTNER,
                    de.kim.contracts.partners.PartnerRegistered.Version1.class));

    @ParameterizedTest
    @FieldSource({"CONTRACTS", "OLDER_VERSIONS"})
    void the_fixture_pins_the_envelope_and_the_payload_shape(Contracts.Contract contract) throws Exception {
        JsonNode envelope = new ObjectMapper().readTree(Fixtures.json(contract.type()));
        assertThat(envelope.path("type").asText()).isEqualTo(contract.type().name());
        assertThat(envelope.path("version").asInt()).isEqualTo(contract.type().version());
        List<String> envelopeFields = new ArrayList<>();
        envelope.fieldNames().forEachRemaining(envelopeFields::add);
        assertThat(envelopeFields).containsExactly("id", "type", "version", "source", "tenant", "actor", "aggregateId",
                "sequence", "time", "data");
        List<String> dataFields = new ArrayList<>();
        envelope.path("data").fieldNames().forEachRemaining(dataFields::add);
        assertThat(dataFields).containsExactlyInAnyOrderElementsOf(Arrays.stream(contract.payload().getRecordComponents())
                .map(RecordComponent::getName).toList());
    }
}
