package de.kim.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher makes the key store's KEK and password once, readable by their owner only, and keeps them. */
class KeyStoreSecretsTest {

    @Test
    void the_kek_and_the_password_are_made_once_owner_only_and_kept_across_starts(@TempDir Path data) throws Exception {
        Path dir = data.resolve("secrets").resolve("keystore");

        KeyStoreSecrets first = KeyStoreSecrets.in(dir);
        KeyStoreSecrets again = KeyStoreSecrets.in(dir);

        String kek = Files.readString(first.kekFile()).trim();
        assertThat(kek).startsWith("local-1:");
        assertThat(Base64.getDecoder().decode(kek.substring("local-1:".length()))).hasSize(32);
        assertThat(Files.readString(again.kekFile()).trim()).isEqualTo(kek);
        assertThat(again.password()).isEqualTo(first.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.kekFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("password")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets")))).isEqualTo("rwx------");
    }
}
