package de.kim.steering.query;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words for a figure's group keys, in the language the request asks for (German unless
 * Accept-Language asks for English): {@code code.<DIMENSION>.<KEY>}, else {@code code.<KEY>},
 * from the service's bundle; a month as "November 2026"; a transition
 * {@code DULDUNG>AUFENTHALTSERLAUBNIS} as "Duldung → Aufenthaltserlaubnis", a missing status as
 * "ohne Status"; a combination {@code SGB_II+SGB_XII} as "SGB II + SGB XII". Towns and partner
 * names are words already.
 */
@Component
public class FigureLabels {

    private final MessageSource messages;

    public FigureLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String dimension, String key) {
        if (key == null || key.isEmpty() || "null".equals(key)) {
            return word(dimension, "NONE");
        }
        if ("TOWN".equals(dimension) || "PARTNER".equals(dimension)) {
            return "UNKNOWN".equals(key) ? word(dimension, key) : key;
        }
        if ("MONTH".equals(dimension) && key.matches("\\d{4}-\\d{2}")) {
            return YearMonth.parse(key).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale()));
        }
        return Arrays.stream(key.split(">", -1))
                .map(step -> Arrays.stream(step.split("\\+", -1)).map(code -> word(dimension, code))
                        .collect(Collectors.joining(" + ")))
                .collect(Collectors.joining(" → "));
    }

    /** A plain message of the bundle, e.g. for an export's heading. */
    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String word(String dimension, String code) {
        String c = code.isEmpty() || "null".equals(code) ? "NONE" : code;
        String specific = messages.getMessage("code." + dimension + "." + c, null, null, locale());
        return specific != null ? specific : messages.getMessage("code." + c, null, c, locale());
    }

    /** The request's language; German outside a request, as everywhere on the platform. */
    private static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null ? Locale.GERMAN : LocaleContextHolder.getLocale();
    }
}
