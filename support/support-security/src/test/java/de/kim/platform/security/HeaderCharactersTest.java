package de.kim.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

    /** What StrictHttpFirewall allows by default in header names and values. */
    private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void allows_exactly_what_springs_firewall_allows() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "de-DE,de;q=0.9",
                "Müller-Lüdenscheidt", "a\tb", "a\nb", "a\u0000b", "\u007F", "\u0085", "\u00A0", "\u0378",
                "emoji 😀", "\uD83D", "\uDFFF", "ﾟ", "\u200B");
        for (String sample : samples) {
            assertThat(HeaderCharacters.allowed(sample)).as(sample).isEqualTo(SPRING.matcher(sample).matches());
        }
        Random random = new Random(4711);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(4); j >= 0; j--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x250));
            }
            String sample = text.toString();
            assertThat(HeaderCharacters.allowed(sample)).as(sample).isEqualTo(SPRING.matcher(sample).matches());
        }
    }
}
