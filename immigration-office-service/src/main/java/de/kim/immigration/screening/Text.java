package de.kim.immigration.screening;

import java.util.Locale;

/** A text of a rule set in German and English; German is the default. */
public record Text(String de, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : de;
    }
}
