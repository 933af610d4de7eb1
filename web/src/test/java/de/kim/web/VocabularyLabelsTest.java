package de.kim.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code a page may show has a label in German and in English, so that no page shows a
 * code: every constant of the contracts' vocabulary the web uses, and every code a form offers. The
 * vocabulary's labels come from the contracts' bundle {@code kim-vocabulary}, the web's own from its messages.
 */
class VocabularyLabelsTest {

    @Test
    void every_code_has_a_german_and_an_english_label() throws IOException {
        List<String> codes = Stream.concat(
                Vocabulary.ENUMS.stream().flatMap(vocabulary -> Stream.of(vocabulary.getEnumConstants())).map(Enum::name),
                Vocabulary.CODES.values().stream().flatMap(List::stream)).distinct().toList();
        assertThat(codes).as("the codes the web knows").contains("NEWLY_ARRIVED", "PARTNER_INACTIVE", "DULDUNG");

        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties labels = load(bundle);
            labels.putAll(load(bundle.replace("messages", "kim-vocabulary")));
            List<String> missing = new ArrayList<>();
            for (String code : codes) {
                String label = labels.getProperty("code." + code);
                if (label == null || label.isBlank()) {
                    missing.add(code);
                }
            }
            assertThat(missing).as("codes without a label in " + bundle).isEmpty();
        }
    }

    @Test
    void the_forms_do_not_offer_the_reasons_only_the_platform_gives() {
        assertThat(Vocabulary.CODES.get("declineReason"))
                .contains("NO_CAPACITY", "OTHER")
                .doesNotContain("PARTNER_INACTIVE", "OFFER_UNAVAILABLE");
    }

    private static Properties load(String bundle) throws IOException {
        Properties labels = new Properties();
        try (Reader reader = new InputStreamReader(VocabularyLabelsTest.class.getResourceAsStream("/" + bundle),
                StandardCharsets.UTF_8)) {
            labels.load(reader);
        }
        return labels;
    }
}
