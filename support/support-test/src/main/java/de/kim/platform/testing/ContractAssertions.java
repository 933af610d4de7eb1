package de.kim.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kim.contracts.Fixtures;
import de.kim.platform.messaging.IntegrationEvent;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's side of a contract test: what a service emits has the shape of the pinned fixture. */
public final class ContractAssertions {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ContractAssertions() {
    }

    public static void assertMatchesFixture(IntegrationEvent event) {
        try {
            JsonNode emitted = JSON.valueToTree(event.data());
            JsonNode pinned = JSON.readTree(Fixtures.json(event.type())).path("data");
            assertThat(fields(emitted)).as(event.type().name()).isEqualTo(fields(pinned));
            emitted.fields().forEachRemaining(field -> {
                JsonNode expected = pinned.path(field.getKey());
                if (!field.getValue().isNull() && !expected.isNull()) {
                    assertThat(field.getValue().getNodeType()).as(event.type().name() + "." + field.getKey())
                            .isEqualTo(expected.getNodeType());
                }
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
