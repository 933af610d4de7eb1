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

/**
 * The personal-data vault on the key store. Lazy: only services that seal or open personal
 * data connect to the key store at all.
 */
@AutoConfiguration
public class PrivacyAutoConfiguration {

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
        return new PersonalDataVault(new JdbcTemplate(new HikariDataSource(config)), json, clock);
    }
}
