package de.kim.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Envelope;
import de.kim.contracts.EventType;

import java.io.IOException;

/**
 * An integration event as a consumer receives it: the envelope, and the payload still as
 * JSON, read tolerantly into the consumer's record on demand (unknown fields are ignored).
 */
public record ReceivedEvent(Envelope<JsonNode> envelope, ObjectMapper mapper) {

    public boolean is(EventType type) {
        return type.matches(envelope.type(), envelope.version());
    }

    public <T> T data(Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope.data());
        } catch (IOException e) {
            throw new MalformedEnvelopeException("payload of " + envelope.type() + " " + envelope.id()
                    + " does not fit " + type.getSimpleName(), e);
        }
    }
}
