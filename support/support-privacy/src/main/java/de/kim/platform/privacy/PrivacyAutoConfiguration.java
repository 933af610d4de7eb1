package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The personal-data vault on the key store. Lazy: only services that seal or open personal
 * data connect to the key store at all, and only they need the key-encryption key; without it
 * they refuse to start.
 */
@AutoConfiguration(after = org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration.class)
public class PrivacyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    /** How long a service keeps trying to reach the key store when it first opens it. */
    static final Duration KEY_STORE_OPEN_TIMEOUT = Duration.ofSeconds(30);

    /** H2's code for a wrong user name or password. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    @Bean(destroyMethod = "close")
    @Lazy
    public PersonalDataVault personalDataVault(@Value("${kim.keystore.url}") String url,
                                               @Value("${kim.keystore.username}") String username,
                                               @Value("${kim.keystore.password}") String password,
                                               @Value("${kim.keystore.kek-file:}") String kekFile,
                                               @Value("${kim.keystore.kek:}") String kek,
                                               ObjectProvider<JdbcTemplate> serviceDatabase,
                                               ObjectMapper json, Clock clock) {
        KeyEncryptionKeys keks = keyEncryptionKeys(kekFile, kek);
        setPasswordOfEmbeddedKeyStore(url, username, password);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("kim-keystore");
        // Embedded, the services share one H2 file in auto-server mode. When several start at once, one
        // may meet the lock file while another is writing it ("Lock file recently modified"): keep trying
        // for a while instead of failing the start.
        config.setInitializationFailTimeout(KEY_STORE_OPEN_TIMEOUT.toMillis());
        return new PersonalDataVault(new JdbcTemplate(new HikariDataSource(config)), keks,
                serviceDatabase.getIfAvailable(), json, clock);
    }

    /** The KEKs from the file named (a Docker secret, the launcher's file) or else from the setting itself. */
    static KeyEncryptionKeys keyEncryptionKeys(String kekFile, String kek) {
        if (kekFile != null && !kekFile.isBlank()) {
            try {
                return KeyEncryptionKeys.parse(Files.readString(Path.of(kekFile.trim()), StandardCharsets.UTF_8),
                        "the file of KIM_KEYSTORE_KEK_FILE");
            } catch (IOException e) {
                throw new UncheckedIOException("the key-encryption key file of KIM_KEYSTORE_KEK_FILE cannot be read", e);
            }
        }
        return KeyEncryptionKeys.parse(kek, "KIM_KEYSTORE_KEK");
    }

    /**
     * An embedded (H2) key store made before it had a password of its own (user {@code sa}, no
     * password) gets the configured password on first start with it; PostgreSQL's users are made
     * by its setup, not here.
     */
    static void setPasswordOfEmbeddedKeyStore(String url, String username, String password) {
        if (!url.startsWith("jdbc:h2:") || password == null || password.isEmpty() || !username.matches("\\w+")) {
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url, username, password)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_WRONG_USER_OR_PASSWORD) {
                return; // not there yet or locked: the pool keeps trying and reports it
            }
        }
        try (Connection legacy = DriverManager.getConnection(url, username, "");
             PreparedStatement alter = legacy.prepareStatement("alter user " + username + " set password ?")) {
            alter.setString(1, password);
            alter.execute();
            log.info("the key store had no password; it has the configured one now");
        } catch (SQLException e) {
            // neither the new nor the old password: the pool reports the refusal
        }
    }

    /**
     * A seal that does not open, or one of another tenant, never will: a Kafka consumer refuses
     * such a record whole (to its dead-letter topic) instead of retrying it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.listener.DefaultErrorHandler")
    static class SealsOnKafka {

        @Bean
        static BeanPostProcessor sealFailuresAreNotRetried() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DefaultErrorHandler handler) {
                        handler.addNotRetryableExceptions(UnreadableSealException.class, ForeignTenantException.class);
                    }
                    return bean;
                }
            };
        }
    }
}
