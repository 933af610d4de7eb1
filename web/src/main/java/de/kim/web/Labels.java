package de.kim.web;

import de.kim.contracts.vocabulary.IsoNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What a page shows for what the APIs send: a code's label in the user's language
 * ({@code code.<CODE>}, or the code itself where there is none), nationalities and languages by
 * their names, days as {@code tt.mm.jjjj} and times in Europe/Berlin.
 */
@Component("labels")
public class Labels {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

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

    /** Codes as their labels, in the order given, separated by commas; nothing for none. */
    public String list(Object codes) {
        if (!(codes instanceof java.util.Collection<?> all)) {
            return of(codes);
        }
        return all.stream().map(this::of).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A nationality (ISO 3166-1 alpha-3, e.g. {@code AFG}) as the country's name in the user's language
     * ({@link IsoNames}); a code without a name as "ohne Bezeichnung", none as nothing.
     */
    public String country(Object code) {
        if (code == null || String.valueOf(code).isBlank()) {
            return "";
        }
        return IsoNames.country(String.valueOf(code), LocaleContextHolder.getLocale()).orElseGet(this::unnamed);
    }

    /** Languages (ISO 639 codes, one or a list) as their names in the user's language, separated by commas. */
    public String languages(Object codes) {
        java.util.Collection<?> all = codes instanceof java.util.Collection<?> list ? list
                : codes == null ? java.util.List.of() : java.util.List.of(codes);
        return all.stream().map(String::valueOf).filter(code -> !code.isBlank())
                .map(code -> IsoNames.language(code, LocaleContextHolder.getLocale()).orElseGet(this::unnamed))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String unnamed() {
        return messages.getMessage("disclosure.unnamed", null, "", LocaleContextHolder.getLocale());
    }

    /**
     * A day as the API sends it ({@code 2026-11-02}, or the day of an instant in Germany) the way a
     * reader in Germany writes it: 02.11.2026. Nothing shows as "null": a missing value is empty.
     */
    public String date(Object iso) {
        if (iso == null || String.valueOf(iso).isBlank()) {
            return "";
        }
        String text = String.valueOf(iso);
        try {
            return text.length() <= 10 ? LocalDate.parse(text).format(DAY) : instant(text).atZone(BERLIN).format(DAY);
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    /** An instant as the API sends it ({@code 2026-11-02T08:05:00Z}) in German time: 02.11.2026 09:05. */
    public String time(Object iso) {
        if (iso == null || String.valueOf(iso).isBlank()) {
            return "";
        }
        try {
            return instant(String.valueOf(iso)).atZone(BERLIN).format(TIME);
        } catch (DateTimeParseException notATime) {
            return String.valueOf(iso);
        }
    }

    private static Instant instant(String text) {
        return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
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
