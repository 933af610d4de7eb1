package de.kim.contracts.vocabulary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The names of countries and languages as a person reads them, from the codes the platform keeps: a
 * nationality as its ISO 3166-1 alpha-3 code ({@code SYR} → "Syrien"), a language as its ISO 639 code
 * of two or three letters ({@code ar} or {@code ara} → "Arabisch"). The names are the JDK's own (its
 * CLDR data), in the reader's language: the one place every page and file takes them from, so that no
 * list of some two hundred names is kept by hand.
 */
public final class IsoNames {

    private static final Map<String, String> COUNTRY_BY_ALPHA3 = new HashMap<>();
    private static final Map<String, String> LANGUAGE_BY_ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                COUNTRY_BY_ALPHA3.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException noAlpha3) {
                // a country without an alpha-3 code is never named by one
            }
        }
        for (String alpha2 : Locale.getISOLanguages()) {
            try {
                LANGUAGE_BY_ALPHA3.put(new Locale(alpha2).getISO3Language(), alpha2);
            } catch (MissingResourceException noAlpha3) {
                // a language without an alpha-3 code is never named by one
            }
        }
    }

    private IsoNames() {
    }

    /** The country's name in the reader's language, e.g. "Afghanistan" for {@code AFG}; empty for an unknown code. */
    public static Optional<String> country(String alpha3, Locale reader) {
        if (alpha3 == null || alpha3.isBlank()) {
            return Optional.empty();
        }
        String alpha2 = COUNTRY_BY_ALPHA3.get(alpha3.trim().toUpperCase(Locale.ROOT));
        return alpha2 == null ? Optional.empty() : named(new Locale("", alpha2).getDisplayCountry(reader), alpha2);
    }

    /** The language's name in the reader's language, e.g. "Dari" for {@code prs}; empty for an unknown code. */
    public static Optional<String> language(String code, Locale reader) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String lower = code.trim().toLowerCase(Locale.ROOT);
        String shortest = LANGUAGE_BY_ALPHA3.getOrDefault(lower, lower);
        return named(new Locale(shortest).getDisplayLanguage(reader), shortest);
    }

    /** A name the JDK knows: it answers with the code itself where it has none. */
    private static Optional<String> named(String name, String code) {
        return name.isBlank() || name.equalsIgnoreCase(code) ? Optional.empty() : Optional.of(name);
    }
}
