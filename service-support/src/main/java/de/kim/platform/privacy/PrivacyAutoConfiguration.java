package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * The personal-data vault on the key store. Lazy: only services that seal or open personal
 * data connect to the key store at all.
 */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    /** How long a service keeps trying to reach the key store when it first opens it. */
    static final Duration KEY_STORE_OPEN_TIMEOUT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    @Lazy
    public PersonalDataVault personalDataVault(@Value("${kim.keystore.url}") String url,
                                               @Value("${kim.keystore.username}") String username,
                                               @Value("${kim.keystore.password}") String password,
                                               ObjectMapper json, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("kim-keystore");
        // Embedded, the services share one H2 file in auto-server mode. When several start at once, one
        // may meet the lock file while another is writing it ("Lock file recently modified"): keep trying
        // for a while instead of failing the start (CI saw a case-service exit so).
        config.setInitializationFailTimeout(KEY_STORE_OPEN_TIMEOUT.toMillis());
        return new PersonalDataVault(new JdbcTemplate(new HikariDataSource(config)), json, clock);
    }
}
