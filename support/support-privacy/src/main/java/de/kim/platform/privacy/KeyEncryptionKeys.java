package de.kim.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key-encryption keys (KEKs) that wrap every person's data key before it is stored in the
 * key store: AES-256, never stored in the key store's database but given at start (a file, a
 * Docker secret, an environment variable). The first KEK is the current one, which wraps;
 * the others are previous ones, kept after a rotation only until every stored key is wrapped
 * by the current one again ({@link PersonalDataVault} re-wraps at start).
 *
 * <p>Written as one entry per line (or comma-separated): {@code <id>:<Base64 of 32 bytes>}, or
 * the Base64 alone, whose id is then the first 8 bytes of its SHA-256 in hex.
 */
public final class KeyEncryptionKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String current;
    private final Map<String, SecretKey> keys;

    private KeyEncryptionKeys(String current, Map<String, SecretKey> keys) {
        this.current = current;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Reads the KEKs written as said above. Fails with a message naming the setting, never the
     * key, when there is none or one is not a 256-bit key in Base64.
     */
    public static KeyEncryptionKeys parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no key-encryption key: set KIM_KEYSTORE_KEK_FILE (a file holding it) or "
                    + "KIM_KEYSTORE_KEK (Base64 of 32 random bytes), see README, Production. The key store holds "
                    + "every person's data key wrapped by it; without it no personal data can be sealed or opened.");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : text.split("[,\\n\\r]+")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String encoded = colon < 0 ? trimmed : trimmed.substring(colon + 1).trim();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("a key-encryption key in " + source + " is not Base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("a key-encryption key in " + source + " is not 32 bytes (256 bits) long");
            }
            String id = colon < 0 ? fingerprint(bytes) : trimmed.substring(0, colon).trim();
            if (id.isEmpty() || id.length() > 64 || keys.containsKey(id)) {
                throw new IllegalStateException("the key-encryption keys in " + source + " need distinct ids of 1 to 64 characters");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
            if (first == null) {
                first = id;
            }
        }
        if (first == null) {
            return parse(null, source);
        }
        return new KeyEncryptionKeys(first, keys);
    }

    /** A fresh KEK held in memory only: for tests and for tools that never store a key. */
    public static KeyEncryptionKeys ephemeral() {
        return parse(newKeyText("ephemeral"), "memory");
    }

    /** A new KEK as one line of a KEK file: {@code <id>:<Base64>}. */
    public static String newKeyText(String id) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return id + ":" + Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the KEK that wraps new and re-wrapped keys. */
    public String currentId() {
        return current;
    }

    public boolean knows(String id) {
        return keys.containsKey(id);
    }

    /**
     * The data key wrapped by the current KEK (AES-GCM, nonce first, in Base64), bound to its
     * subject and tenant: a wrapped key copied to another person's row does not unwrap.
     */
    String wrap(byte[] dataKey, String tenant, String subject) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding(tenant, subject));
            byte[] wrapped = cipher.doFinal(dataKey);
            byte[] out = new byte[NONCE_BYTES + wrapped.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(wrapped, 0, out, NONCE_BYTES, wrapped.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    /**
     * One unwrapping cipher per thread, initialised afresh for each key: a rebuild unwraps a key
     * per person, and looking the algorithm up among the providers each time was a twentieth of it.
     */
    private static final ThreadLocal<Cipher> UNWRAPPING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES/GCM", e);
        }
    });

    /** The data key, unwrapped with the KEK that wrapped it; empty if that KEK is not given. */
    Optional<byte[]> unwrap(String kekId, String wrapped, String tenant, String subject) {
        SecretKey kek = keys.get(kekId);
        if (kek == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(wrapped);
            Cipher cipher = UNWRAPPING.get();
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(binding(tenant, subject));
            return Optional.of(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored data key does not unwrap with its key-encryption key "
                    + "(changed row, or a wrong key given under that id)", e);
        }
    }

    private static byte[] binding(String tenant, String subject) {
        return (tenant + "\u0000" + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys[current=" + current + ", ids=" + keys.keySet() + "]";
    }
}
