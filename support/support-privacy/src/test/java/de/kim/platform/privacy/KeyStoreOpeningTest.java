package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service starting while another is still writing the shared key store's lock file (the
 * embedded default: one H2 file in auto-server mode) waits for it instead of failing its start.
 */
class KeyStoreOpeningTest {

    @TempDir
    Path dir;

    @Test
    void a_key_store_whose_lock_file_is_being_written_is_opened_once_the_writer_is_done() throws Exception {
        Path lock = dir.resolve("keys.lock.db");
        Files.writeString(lock, "#FileLock\nmethod=FILE\nid=another-process\n");
        // Another process holding the lock file fresh for three seconds, then letting go of it.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try {
                for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                    Thread.sleep(100);
                }
                Files.delete(lock);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String url = "jdbc:h2:file:" + dir.resolve("keys") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";

        try (PersonalDataVault vault = new PrivacyAutoConfiguration().personalDataVault(url, "sa", "",
                "", KeyEncryptionKeys.newKeyText("test"), new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(org.springframework.jdbc.core.JdbcTemplate.class), new ObjectMapper(), Clock.systemUTC())) {
            other.get();
            Sealed sealed = vault.seal("kreis-mettmann", "case-1", Map.of("givenName", "Amina"));
            assertThat(vault.open("kreis-mettmann", sealed, Map.class)).contains(Map.of("givenName", "Amina"));
        }
    }
}
