package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka passwords of the local platform, one per principal of {@link KafkaAccess#PRINCIPALS}:
 * generated once at random and kept in a directory readable by its owner only
 * ({@code data/secrets/kafka/<principal>.password}, {@code rw-------}), so that a restart on the
 * same data directory signs in with the passwords the broker already knows. Tests use passwords
 * that live only in memory.
 */
public final class KafkaSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaSecrets(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** The passwords kept in {@code dir}, each made the first time it is asked for. */
    public static KafkaSecrets in(Path dir) {
        try {
            createPrivateDirectory(dir);
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String principal : KafkaAccess.PRINCIPALS) {
                passwords.put(principal, readOrCreate(dir.resolve(principal + ".password"), KafkaSecrets::newPassword));
            }
            return new KafkaSecrets(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fresh passwords held in memory only: one set per test JVM. */
    public static KafkaSecrets generated() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : KafkaAccess.PRINCIPALS) {
            passwords.put(principal, newPassword());
        }
        return new KafkaSecrets(passwords);
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        return password;
    }

    /** 192 random bits in URL-safe Base64: no quote or backslash that a JAAS line would have to escape. */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret in {@code file}, made by {@code maker} into a new owner-only file if there is none. */
    static String readOrCreate(Path file, java.util.function.Supplier<String> maker) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, maker.get(), StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                // another launcher made it first: read theirs
            } catch (UnsupportedOperationException e) {
                Files.writeString(file, maker.get(), StandardCharsets.UTF_8); // not a POSIX file system
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.isEmpty()) {
            throw new IllegalStateException("the secret file " + file + " is empty: delete it to make a new one");
        }
        return secret;
    }

    /** The directory and a missing parent ({@code data/secrets}) readable by their owner only. */
    static void createPrivateDirectory(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            createPrivateDirectory(parent);
        }
        if (!Files.exists(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made meanwhile
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
    }
}
