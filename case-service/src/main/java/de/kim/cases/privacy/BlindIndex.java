package de.kim.cases.privacy;

import de.kim.cases.api.ClientProfile;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The blind index that finds a case by its client's name or date of birth although the read model
 * holds no searchable name: keyed hashes (HMAC-SHA256 with the tenant's key, {@link SearchKeys}) of
 * every prefix of two to {@value #LONGEST_PREFIX} letters of each word of the family and given
 * names, of the date of birth, and of the whole person (family name, given name, date of birth: the
 * duplicate check). Names are folded first: lower case, ä/ö/ü/ß as ae/oe/ue/ss, accents dropped, so
 * that "mueller" and "Mül" both find "Müller". A search hashes its words the same way and asks for
 * documents that hold every hash.
 */
@Component
public class BlindIndex {

    static final String ALGORITHM = "HmacSHA256";
    /** The longest prefix hashed; a longer search word is cut to it (finds a little more, never less). */
    static final int LONGEST_PREFIX = 20;
    /** The shortest search word. */
    public static final int SHORTEST_WORD = 2;
    /** Bytes of the HMAC kept: 128 bits leave no chance of two values meeting. */
    private static final int TOKEN_BYTES = 16;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final SearchKeys keys;
    /**
     * One MAC per thread and tenant key: looking the algorithm up among the providers and
     * initialising it for every token took a seventh of a case-file rebuild (a name gives some
     * twenty tokens).
     */
    private final ThreadLocal<Map<SecretKeySpec, TokenMac>> macs = ThreadLocal.withInitial(HashMap::new);

    public BlindIndex(SearchKeys keys) {
        this.keys = keys;
    }

    /** The tokens a case of this client is found by. */
    public List<String> tokensOf(String tenant, ClientProfile client) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : words(client.familyName() + " " + client.givenName())) {
            for (int length = SHORTEST_WORD; length <= Math.min(word.length(), LONGEST_PREFIX); length++) {
                tokens.add(nameToken(tenant, word.substring(0, length)));
            }
        }
        tokens.add(dateOfBirthToken(tenant, client.dateOfBirth()));
        tokens.add(personToken(tenant, client.familyName(), client.givenName(), client.dateOfBirth()));
        return List.copyOf(tokens);
    }

    /** The token of a folded search word (see {@link #words}) of at least {@link #SHORTEST_WORD} letters. */
    public String nameToken(String tenant, String foldedWord) {
        return hash(tenant, "n:" + foldedWord.substring(0, Math.min(foldedWord.length(), LONGEST_PREFIX)));
    }

    public String dateOfBirthToken(String tenant, LocalDate dateOfBirth) {
        return hash(tenant, "d:" + dateOfBirth);
    }

    /** The token of a person: the same folded names and date of birth give the same token. */
    public String personToken(String tenant, String familyName, String givenName, LocalDate dateOfBirth) {
        return hash(tenant, "p:" + String.join(" ", words(familyName)) + "|" + String.join(" ", words(givenName))
                + "|" + dateOfBirth);
    }

    /** The folded words of a text: lower case, umlauts spelt out, accents dropped, split at anything not a letter or digit. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return Arrays.stream(NOT_A_LETTER.split(folded)).filter(word -> !word.isEmpty()).toList();
    }

    private String hash(String tenant, String value) {
        try {
            SecretKeySpec key = keys.of(tenant);
            Map<SecretKeySpec, TokenMac> byKey = macs.get();
            TokenMac mac = byKey.get(key);
            if (mac == null) {
                mac = new TokenMac(key.getEncoded());
                byKey.put(key, mac);
            }
            byte[] full = mac.of(value.getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash for the search index", e);
        }
    }
}
