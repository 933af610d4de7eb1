package de.kim.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A code's label in the user's language ({@code code.<CODE>}), or the code itself where there is none. */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage("code." + code, null, String.valueOf(code), LocaleContextHolder.getLocale());
    }

    /** A day as the API sends it ({@code 2026-11-02}) the way a reader in Germany writes it: 02.11.2026. */
    public String date(Object isoDay) {
        if (isoDay == null || String.valueOf(isoDay).isBlank()) {
            return "";
        }
        return java.time.LocalDate.parse(String.valueOf(isoDay)).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    /**
     * A figure's group key in words: a transition {@code DULDUNG>AUFENTHALTSERLAUBNIS} as
     * "Duldung → Aufenthaltserlaubnis", a combination {@code SGB_II+SGB_XII} as "SGB II + SGB XII".
     */
    public String ofKey(Object key) {
        if (key == null) {
            return "";
        }
        return java.util.Arrays.stream(String.valueOf(key).split(">", -1))
                .map(step -> String.join(" + ", java.util.Arrays.stream(step.split("\\+", -1)).map(this::of).toList()))
                .collect(java.util.stream.Collectors.joining(" → "));
    }
}
