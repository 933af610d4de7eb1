package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields case-service refused in a problem (RFC 9457, {@code errors[].field}), each with a
 * German sentence to show next to its field ({@code field.error.<field>}; the service's own
 * words where none is kept here). Fields of the client are named without their {@code client.}
 * prefix, contact fields without {@code contact.}, an element of a list ({@code purposes[0]}) as
 * the list.
 */
@Component
public class FieldProblems {

    private final MessageSource messages;

    public FieldProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The problems of the given fields only (as the API names them, e.g. {@code contact.phone}), by form field. */
    public Map<String, String> of(JsonNode problem, List<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText().replaceFirst("^client\\.", "").replaceFirst("\\[\\d*]$", "");
            if (fields.contains(field)) {
                errors.putIfAbsent(field.replace("contact.", ""), messages.getMessage("field.error." + field, null,
                        error.path("message").asText(), LocaleContextHolder.getLocale()));
            }
        }
        String field = problem.path("field").asText("").replaceFirst("^client\\.", "");
        if (errors.isEmpty() && fields.contains(field)) {
            errors.put(field.replace("contact.", ""), problem.path("detail").asText());
        }
        return errors;
    }
}
