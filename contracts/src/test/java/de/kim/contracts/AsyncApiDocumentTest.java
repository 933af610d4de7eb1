package de.kim.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.kim.contracts.reporting.FiguresPublished;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The AsyncAPI document {@code docs/asyncapi.yaml} describes every contract of {@link Contracts#ALL}:
 * a message of that type on the channel of its topic, sent by an operation, whose envelope and
 * {@code data} have exactly the fields of {@link Envelope} and of the payload record, with the
 * pinned fixture as its example.
 */
class AsyncApiDocumentTest {

    /** Relative to the module directory, which is surefire's working directory. */
    static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    static final String REPORTING_TOPIC = "kim.reporting.v1";
    static final String REPORTING_TYPE = "kim.reporting.FiguresPublished";

    static final List<Contracts.Contract> CONTRACTS = Contracts.ALL;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        assertThat(DOCUMENT).as("the AsyncAPI document, relative to %s", Path.of("").toAbsolutePath())
                .isRegularFile();
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
    }

    @Test
    void it_is_an_asyncapi_3_document() {
        assertThat(document.path("asyncapi").asText()).as("asyncapi version").startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("channels").size()).as("channels").isPositive();
    }

    @Test
    void there_are_contracts_to_check() {
        assertThat(CONTRACTS).as("Contracts.ALL").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void the_contract_has_a_message_on_the_channel_of_its_topic(Contracts.Contract contract) {
        String type = contract.type().name();
        String channelId = channelIdOf(contract.topic(), type);
        String messageId = messageIdOf(channelId, type);
        JsonNode message = resolve(document.path("channels").path(channelId).path("messages").path(messageId));

        if (message.has("x-kim-version")) {
            assertThat(message.path("x-kim-version").asInt()).as("x-kim-version of %s", type)
                    .isEqualTo(contract.type().version());
        }
        assertThat(sendersOf(channelId, messageId)).as("operations with action send for %s on %s", type,
                contract.topic()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void the_message_payload_has_exactly_the_fields_of_the_envelope_and_of_the_payload_record(
            Contracts.Contract contract) {
        String type = contract.type().name();
        String channelId = channelIdOf(contract.topic(), type);
        JsonNode message = resolve(document.path("channels").path(channelId).path("messages")
                .path(messageIdOf(channelId, type)));
        JsonNode payload = message.path("payload");
        assertThat(payload.isMissingNode()).as("%s has a payload", type).isFalse();

        assertThat(propertyNames(List.of(payload))).as("envelope fields of %s", type)
                .containsExactlyInAnyOrderElementsOf(componentNames(Envelope.class));

        List<JsonNode> data = propertySchemas(payload, "data");
        assertThat(propertyNames(data)).as("payload fields of %s (record %s)", type, contract.payload().getName())
                .containsExactlyInAnyOrderElementsOf(componentNames(contract.payload()));
        assertThat(requiredNames(data)).as("required payload fields of %s (all fields are always written)", type)
                .containsExactlyInAnyOrderElementsOf(componentNames(contract.payload()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void the_message_example_is_the_pinned_fixture(Contracts.Contract contract) throws IOException {
        String type = contract.type().name();
        String channelId = channelIdOf(contract.topic(), type);
        JsonNode message = resolve(document.path("channels").path(channelId).path("messages")
                .path(messageIdOf(channelId, type)));
        JsonNode fixture = JSON.readTree(Fixtures.json(contract.type()));
        List<JsonNode> examples = new ArrayList<>();
        message.path("examples").forEach(example -> examples.add(example.path("payload")));
        assertThat(examples).as("examples of %s, one of them the fixture %s.v%d.json", type, type,
                contract.type().version()).contains(fixture);
    }

    @Test
    void every_message_on_a_contract_topic_is_a_contract() {
        Set<String> topics = CONTRACTS.stream().map(Contracts.Contract::topic).collect(Collectors.toSet());
        Set<String> types = CONTRACTS.stream().map(c -> c.type().name()).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        document.path("channels").properties().forEach(channel -> {
            if (topics.contains(channel.getValue().path("address").asText())) {
                channel.getValue().path("messages").properties().forEach(entry -> {
                    JsonNode message = resolve(entry.getValue());
                    if (!types.contains(message.path("x-kim-type").asText())
                            && !types.contains(message.path("name").asText())) {
                        unknown.add(channel.getKey() + "/" + entry.getKey());
                    }
                });
            }
        });
        assertThat(unknown).as("messages in docs/asyncapi.yaml that Contracts.ALL does not list").isEmpty();
    }

    @Test
    void the_reporting_channel_exists_with_the_suppressed_figures() {
        assertThat(Topics.REPORTING).isEqualTo(REPORTING_TOPIC);
        String channelId = channelIdOf(REPORTING_TOPIC, REPORTING_TYPE);
        String messageId = messageIdOf(channelId, REPORTING_TYPE);
        assertThat(sendersOf(channelId, messageId)).as("operations sending %s", REPORTING_TYPE).isNotEmpty();

        JsonNode payload = resolve(document.path("channels").path(channelId).path("messages").path(messageId))
                .path("payload");
        List<JsonNode> data = propertySchemas(payload, "data");
        assertThat(propertyNames(data)).containsExactlyInAnyOrderElementsOf(componentNames(FiguresPublished.class));
        List<JsonNode> figure = new ArrayList<>();
        for (JsonNode figures : propertySchemas(data.get(data.size() - 1), "figures")) {
            if (figures.has("additionalProperties")) {
                figure.addAll(flatten(figures.path("additionalProperties")));
            }
        }
        assertThat(propertyNames(figure)).as("a figure").containsExactlyInAnyOrderElementsOf(
                componentNames(FiguresPublished.Figure.class));
        List<JsonNode> cell = new ArrayList<>();
        for (JsonNode total : figure) {
            cell.addAll(propertySchemas(total, "total"));
        }
        assertThat(propertyNames(cell)).as("a cell").containsExactlyInAnyOrderElementsOf(
                componentNames(FiguresPublished.Cell.class));
        JsonNode count = propertySchemas(cell.get(cell.size() - 1), "count").get(0);
        assertThat(count.path("type").toString()).as("a suppressed cell has no count").contains("integer", "null");
    }

    // ------------------------------------------------------------------------------------------

    /** The id of the one channel whose address is the topic; fails naming the contract otherwise. */
    private static String channelIdOf(String topic, String type) {
        List<String> ids = new ArrayList<>();
        document.path("channels").properties().forEach(channel -> {
            if (topic.equals(channel.getValue().path("address").asText())) {
                ids.add(channel.getKey());
            }
        });
        if (ids.isEmpty()) {
            fail("docs/asyncapi.yaml has no channel with address %s, the topic of %s", topic, type);
        }
        assertThat(ids).as("channels with address %s", topic).hasSize(1);
        return ids.get(0);
    }

    /** The key of the message of that type in the channel's messages; fails naming the type otherwise. */
    private static String messageIdOf(String channelId, String type) {
        List<String> ids = new ArrayList<>();
        JsonNode channel = document.path("channels").path(channelId);
        channel.path("messages").properties().forEach(entry -> {
            JsonNode message = resolve(entry.getValue());
            if (type.equals(message.path("name").asText()) || type.equals(message.path("x-kim-type").asText())) {
                ids.add(entry.getKey());
            }
        });
        if (ids.isEmpty()) {
            fail("docs/asyncapi.yaml has no message named %s (name or x-kim-type) on channel %s (address %s)",
                    type, channelId, channel.path("address").asText());
        }
        assertThat(ids).as("messages of type %s on channel %s", type, channelId).hasSize(1);
        return ids.get(0);
    }

    /** The ids of the operations that send the channel's message. */
    private static List<String> sendersOf(String channelId, String messageId) {
        String channelRef = "#/channels/" + channelId;
        String messageRef = channelRef + "/messages/" + messageId;
        List<String> senders = new ArrayList<>();
        document.path("operations").properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            boolean sends = "send".equals(op.path("action").asText())
                    && channelRef.equals(op.path("channel").path("$ref").asText());
            boolean listsMessage = false;
            for (JsonNode ref : op.path("messages")) {
                listsMessage |= messageRef.equals(ref.path("$ref").asText());
            }
            if (sends && listsMessage) {
                senders.add(operation.getKey());
            }
        });
        return senders;
    }

    /** Follows local references ({@code #/...}) until a node that is not one. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            assertThat(ref).as("a local reference").startsWith("#/");
            assertThat(hops).as("reference chain at %s", ref).isLessThan(20);
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    /** Every schema that describes the named property, through references and {@code allOf}. */
    private static List<JsonNode> propertySchemas(JsonNode schema, String property) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode part : flatten(schema)) {
            JsonNode described = part.path("properties").path(property);
            if (!described.isMissingNode()) {
                found.addAll(flatten(described));
            }
        }
        return found;
    }

    /** The schema and, recursively, the members of its {@code allOf}, each resolved. */
    private static List<JsonNode> flatten(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<JsonNode> parts = new ArrayList<>(List.of(resolved));
        for (JsonNode member : resolved.path("allOf")) {
            parts.addAll(flatten(member));
        }
        return parts;
    }

    private static Set<String> propertyNames(List<JsonNode> schemas) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode schema : schemas) {
            for (JsonNode part : flatten(schema)) {
                part.path("properties").properties().stream().map(Map.Entry::getKey).forEach(names::add);
            }
        }
        return names;
    }

    private static Set<String> requiredNames(List<JsonNode> schemas) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode schema : schemas) {
            for (JsonNode part : flatten(schema)) {
                part.path("required").forEach(name -> names.add(name.asText()));
            }
        }
        return names;
    }

    private static List<String> componentNames(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
