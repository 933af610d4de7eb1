package de.kim.immigration.privacy;

import de.kim.immigration.api.PersonalDetails;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blind index that finds a residence record by its person's name, date of birth or Aktenzeichen
 * although the read model holds none of them searchable: keyed hashes (HMAC-SHA256 with the tenant's
 * key, {@link RecordSearchKeys}) of every prefix of two to {@value #LONGEST_PREFIX} letters of each
 * word of the family and given names, of the date of birth and of the whole normalised Aktenzeichen.
 * Names are folded first (lower case, ä/ö/ü/ß as ae/oe/ue/ss, accents dropped), so that "mueller"
 * and "Mül" both find "Müller". The same scheme as case-service's {@code BlindIndex}, with the
 * tenant's own key of this service.
 */
@Component
public class RecordSearchIndex {

    /** The longest prefix hashed; a longer search word is cut to it (finds a little more, never less). */
    static final int LONGEST_PREFIX = 20;
    /** The shortest search word. */
    public static final int SHORTEST_WORD = 2;
    private static final int TOKEN_BYTES = 16;

    private final RecordSearchKeys keys;

    public RecordSearchIndex(RecordSearchKeys keys) {
        this.keys = keys;
    }

    /** The tokens a record of this person is found by; none for a record without details. */
    public List<String> tokensOf(String tenant, PersonalDetails person) {
        Set<String> tokens = new LinkedHashSet<>();
        if (person == null) {
            return List.of();
        }
        String names = (person.familyName() == null ? "" : person.familyName()) + " "
                + (person.givenName() == null ? "" : person.givenName());
        for (String word : words(names)) {
            for (int length = SHORTEST_WORD; length <= Math.min(word.length(), LONGEST_PREFIX); length++) {
                tokens.add(nameToken(tenant, word.substring(0, length)));
            }
        }
        if (person.dateOfBirth() != null) {
            tokens.add(dateOfBirthToken(tenant, person.dateOfBirth()));
        }
        if (person.fileNumber() != null) {
            tokens.add(fileNumberToken(tenant, person.fileNumber()));
        }
        return List.copyOf(tokens);
    }

    /** The token of a folded search word (see {@link #words}) of at least {@link #SHORTEST_WORD} letters. */
    public String nameToken(String tenant, String foldedWord) {
        return hash(tenant, "n:" + foldedWord.substring(0, Math.min(foldedWord.length(), LONGEST_PREFIX)));
    }

    public String dateOfBirthToken(String tenant, LocalDate dateOfBirth) {
        return hash(tenant, "d:" + dateOfBirth);
    }

    /** The token of a normalised Aktenzeichen: found only when given whole. */
    public String fileNumberToken(String tenant, String normalFileNumber) {
        return hash(tenant, "f:" + normalFileNumber);
    }

    /** The folded words of a text: lower case, umlauts spelt out, accents dropped, split at anything not a letter or digit. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }

    private String hash(String tenant, String value) {
        try {
            Mac mac = Mac.getInstance(RecordSearchKeys.ALGORITHM);
            mac.init(keys.of(tenant));
            byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash for the search index", e);
        }
    }
}
