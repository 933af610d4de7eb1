package de.kim.platform.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A blind index: finds a person's document by name, date of birth or a file number although the read
 * model holds none of them searchable. It holds keyed hashes (HMAC-SHA256 with the tenant's key of
 * the service, {@link BlindIndexKeys}) of every prefix of two to {@value #LONGEST_PREFIX} letters of
 * each word of the family and given names, of the date of birth, of the whole person (family name,
 * given name, date of birth: a duplicate check) and of whole values such as an Aktenzeichen. Names
 * are folded first: lower case, ä/ö/ü/ß as ae/oe/ue/ss, accents dropped, so that "mueller" and "Mül"
 * both find "Müller". A search hashes its words the same way and asks for documents that hold every
 * hash.
 */
public class BlindIndex {

    public static final String ALGORITHM = "HmacSHA256";
    /** The longest prefix hashed; a longer search word is cut to it (finds a little more, never less). */
    public static final int LONGEST_PREFIX = 20;
    /** The shortest search word. */
    public static final int SHORTEST_WORD = 2;
    /** Bytes of the HMAC kept: 128 bits leave no chance of two values meeting. */
    private static final int TOKEN_BYTES = 16;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final BlindIndexKeys keys;
    /**
     * One initialised MAC per thread and tenant key ({@code doFinal} leaves it ready for the next
     * value): looking the algorithm up among the providers and initialising it for every token took
     * a seventh of a case-file rebuild (a name gives some twenty tokens).
     */
    private final ThreadLocal<Map<SecretKeySpec, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    public BlindIndex(BlindIndexKeys keys) {
        this.keys = keys;
    }

    /**
     * The tokens a person's document is found by: the prefixes of the words of both names, the date of
     * birth and the whole person; a missing part (null) gives no token.
     */
    public List<String> personTokens(String tenant, String familyName, String givenName, LocalDate dateOfBirth) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : words(orEmpty(familyName) + " " + orEmpty(givenName))) {
            for (int length = SHORTEST_WORD; length <= Math.min(word.length(), LONGEST_PREFIX); length++) {
                tokens.add(nameToken(tenant, word.substring(0, length)));
            }
        }
        if (dateOfBirth != null) {
            tokens.add(dateOfBirthToken(tenant, dateOfBirth));
            if (familyName != null || givenName != null) {
                tokens.add(personToken(tenant, familyName, givenName, dateOfBirth));
            }
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

    /** The token of a person: the same folded names and date of birth give the same token. */
    public String personToken(String tenant, String familyName, String givenName, LocalDate dateOfBirth) {
        return hash(tenant, "p:" + String.join(" ", words(orEmpty(familyName))) + "|"
                + String.join(" ", words(orEmpty(givenName))) + "|" + dateOfBirth);
    }

    /**
     * The token of a whole value of a kind (a one-letter code other than n, d and p, e.g. {@code f} for
     * an Aktenzeichen), found only when given exactly as here: the caller normalises it first.
     */
    public String wholeValueToken(String tenant, char kind, String normalValue) {
        if ("ndp".indexOf(kind) >= 0) {
            throw new IllegalArgumentException("the kinds n, d and p are the index's own");
        }
        return hash(tenant, kind + ":" + normalValue);
    }

    /** The folded words of a text: lower case, umlauts spelt out, accents dropped, split at anything not a letter or digit. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return Arrays.stream(NOT_A_LETTER.split(folded)).filter(word -> !word.isEmpty()).toList();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private String hash(String tenant, String value) {
        try {
            SecretKeySpec key = keys.of(tenant);
            Map<SecretKeySpec, Mac> byKey = macs.get();
            Mac mac = byKey.get(key);
            if (mac == null) {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                byKey.put(key, mac);
            }
            byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash for the search index", e);
        }
    }
}
