package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of the local key store of crypto-shredding, made once at random in a directory
 * readable by its owner only ({@code data/secrets/keystore}, {@code rw-------}): the
 * key-encryption key that wraps every person's data key ({@code kek}, one line
 * {@code <id>:<Base64>}; services read it through {@code KIM_KEYSTORE_KEK_FILE}) and the password
 * of the key store's embedded database ({@code password}, {@code KIM_KEYSTORE_PASSWORD}). Neither
 * lives in the key store itself.
 */
public final class KeyStoreSecrets {

    /** One KEK per test JVM, in memory only. */
    static final String TEST_KEK = "test:" + base64(32);

    private final Path kekFile;
    private final String password;

    private KeyStoreSecrets(Path kekFile, String password) {
        this.kekFile = kekFile;
        this.password = password;
    }

    /** The secrets kept in {@code dir}, each made the first time. */
    public static KeyStoreSecrets in(Path dir) {
        try {
            KafkaSecrets.createPrivateDirectory(dir);
            Path kek = dir.resolve("kek");
            KafkaSecrets.readOrCreate(kek, () -> "local-1:" + base64(32) + "\n");
            return new KeyStoreSecrets(kek, KafkaSecrets.readOrCreate(dir.resolve("password"), KafkaSecrets::newPassword));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path kekFile() {
        return kekFile;
    }

    public String password() {
        return password;
    }

    private static String base64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
