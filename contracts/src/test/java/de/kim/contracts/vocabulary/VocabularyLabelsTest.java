package de.kim.contracts.vocabulary;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code of the vocabulary has a German and an English label in {@code kim-vocabulary}: the
 * one bundle the web and the services read, so that nobody shows a code for want of a word.
 */
class VocabularyLabelsTest {

    @Test
    void every_code_of_the_vocabulary_has_a_german_and_an_english_label() throws Exception {
        List<String> codes = vocabulary().stream().flatMap(e -> Stream.of(e.getEnumConstants()))
                .map(c -> ((Enum<?>) c).name()).distinct().toList();
        assertThat(vocabulary()).as("the vocabulary's enums").hasSizeGreaterThan(15);
        assertThat(codes).contains("NEWLY_ARRIVED", "LANGUAGE", "IDENTITY", "REFERRAL", "HOME_VISIT");
        for (String bundle : List.of("kim-vocabulary.properties", "kim-vocabulary_en.properties")) {
            Properties labels = load(bundle);
            List<String> missing = new ArrayList<>();
            codes.stream().filter(code -> labels.getProperty("code." + code, "").isBlank()).forEach(missing::add);
            assertThat(missing).as("codes without a label in " + bundle).isEmpty();
        }
        assertThat(load("kim-vocabulary.properties").getProperty("code.LANGUAGE")).isEqualTo("Sprache");
    }

    /** Every enum of this package, found on the class path rather than listed by hand. */
    private static List<Class<?>> vocabulary() throws URISyntaxException, ClassNotFoundException {
        File folder = new File(Objects.requireNonNull(TargetGroup.class.getResource("TargetGroup.class")).toURI())
                .getParentFile();
        List<Class<?>> enums = new ArrayList<>();
        for (String name : Objects.requireNonNull(folder.list())) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(TargetGroup.class.getPackageName() + "." + name.replace(".class", ""));
                if (type.isEnum()) {
                    enums.add(type);
                }
            }
        }
        return enums;
    }

    private static Properties load(String bundle) throws IOException {
        Properties labels = new Properties();
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                VocabularyLabelsTest.class.getResourceAsStream("/" + bundle), bundle), StandardCharsets.UTF_8)) {
            labels.load(reader);
        }
        return labels;
    }
}
