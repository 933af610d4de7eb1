package de.kim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * Invented people and places for the seeded case histories: German-looking names (some with
 * umlauts, so that searches fold them), languages, nationalities, and the towns of each tenant as
 * the platform's defaults name them ({@code kim-defaults/core.properties} of support-core, the
 * file the services read). Nobody here exists.
 */
final class InventedPeople {

    static final List<String> FAMILY_NAMES = List.of("Müller", "Schröder", "Köhler", "Krüger", "Jäger", "Böhm",
            "Günther", "Höfer", "Bäcker", "Schäfer", "Weiß", "Groß", "Keßler", "Schmitz", "Becker", "Hoffmann",
            "Wagner", "Fischer", "Weber", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz",
            "Zimmermann", "Braun", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Kaiser", "Fuchs", "Peters",
            "Lang", "Scholz", "Möller", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Berger", "Roth", "Frank",
            "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Ludwig", "Winter", "Simon", "Kraus", "Martin",
            "Schuster", "Vogt", "Stein", "Jansen", "Otto", "Sommer", "Brandt", "Haas", "Graf", "Dietrich", "Engel",
            "Pohl", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
            "Kuhn", "Kühn", "Döring", "Bühler", "Brück", "Lührs", "Mertens", "Hübner", "Nölke", "Tillmann");
    static final List<String> GIVEN_NAMES = List.of("Anna", "Lena", "Marie", "Sophie", "Emma", "Mia", "Hannah",
            "Lea", "Clara", "Jana", "Sarah", "Laura", "Julia", "Katrin", "Elif", "Amira", "Nadia", "Olena", "Darya",
            "Yasmin", "Zehra", "Mariam", "Jülide", "Lukas", "Jonas", "Felix", "Paul", "Leon", "Ben", "Elias", "Noah",
            "Tim", "Jan", "Max", "Tobias", "Stefan", "Andreas", "Mehmet", "Ahmad", "Omar", "Yusuf", "Bogdan", "Taras",
            "Karim", "Samir", "Jörg", "Björn", "Sören", "Jürgen", "Günay", "Özlem", "Timo", "Malte", "Nils", "Emil");
    static final List<String> STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße",
            "Kirchweg", "Mühlenweg", "Lindenallee", "Am Markt", "Talstraße", "Bergstraße", "Rosenweg", "Feldstraße");
    /** ISO 3166-1 alpha-3 codes of the clients' nationalities, in the proportions of a Kreis's case load. */
    static final List<String> NATIONALITIES = List.of("SYR", "SYR", "SYR", "UKR", "UKR", "UKR", "AFG", "AFG", "TUR",
            "TUR", "IRQ", "ERI", "IRN", "ROU", "BGR", "POL", "GIN", "NGA", "SOM", "MKD", "SRB", "KOS");
    /** ISO 639 codes of the languages the clients speak, by nationality's first language and the common second ones. */
    static final List<String> LANGUAGES = List.of("ar", "uk", "ru", "fa", "ps", "tr", "ku", "ti", "ro", "bg", "pl",
            "fr", "en", "so", "sq", "sr");

    private InventedPeople() {
    }

    /** The name in lower-case ASCII, umlauts spelt out: for invented e-mail addresses. */
    static String fold(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The towns of a tenant as the platform's defaults list them. */
    static List<String> towns(String tenant) {
        Properties defaults = new Properties();
        try (InputStream in = InventedPeople.class.getClassLoader().getResourceAsStream("kim-defaults/tenants.properties")) {
            if (in == null) {
                throw new IllegalStateException("kim-defaults/tenants.properties of support-domain is not on the class path");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String towns = defaults.getProperty("kim.tenants." + tenant + ".towns");
        if (towns == null) {
            throw new IllegalArgumentException("unknown tenant " + tenant);
        }
        return Arrays.stream(towns.split(",")).map(String::trim).toList();
    }
}
