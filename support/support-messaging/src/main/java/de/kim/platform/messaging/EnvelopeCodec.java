package de.kim.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Envelope;

/** Writes and reads the JSON of the integration-event envelope, with the platform's one ObjectMapper. */
public class EnvelopeCodec {

    private static final TypeReference<Envelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public EnvelopeCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(Envelope<?> envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write envelope of " + envelope.type(), e);
        }
    }

    public ReceivedEvent decode(String json) {
        Envelope<JsonNode> envelope;
        try {
            envelope = mapper.readerFor(ENVELOPE).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEnvelopeException("record is not a KIM envelope", e);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.version() < 1
                || envelope.tenant() == null || envelope.aggregateId() == null || envelope.data() == null) {
            throw new MalformedEnvelopeException("envelope lacks id, type, version, tenant, aggregateId or data", null);
        }
        return new ReceivedEvent(envelope, mapper);
    }
}
