package de.kim.cases.command;

import java.util.Map;

/**
 * The managed list of generative themes (structural barriers) a case can be tagged with,
 * code to German label, from {@code kim.case.themes} (bound in the service's configuration).
 * Anything else is free text, counted apart.
 */
public record ThemeCatalogue(Map<String, String> themes) {

    public static final String FREE_TEXT = "OTHER";

    public ThemeCatalogue {
        themes = themes == null ? Map.of() : Map.copyOf(themes);
    }

    public boolean contains(String code) {
        return themes.containsKey(code);
    }
}
