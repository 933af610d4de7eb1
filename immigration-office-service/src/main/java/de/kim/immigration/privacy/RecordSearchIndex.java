package de.kim.immigration.privacy;

import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.BlindIndexKeys;
import de.kim.platform.privacy.PersonalDataVault;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The blind index of the residence records (names, date of birth, Aktenzeichen): the platform's
 * {@link BlindIndex} with this service's own key per tenant, in its table {@code kim_record_search_key}
 * under the key store's subject {@code record-search-index:<tenant>}.
 */
@Configuration(proxyBeanMethods = false)
public class RecordSearchIndex {

    /** The kind of the Aktenzeichen's whole-value token ({@link BlindIndex#wholeValueToken}). */
    public static final char FILE_NUMBER = 'f';

    @Bean
    public BlindIndex recordBlindIndex(JdbcTemplate jdbc, @Lazy PersonalDataVault vault) {
        Schemas.migrate(jdbc.getDataSource(), "record-search-keys");
        return new BlindIndex(new BlindIndexKeys(jdbc, vault, "kim_record_search_key", "record-search-index:"));
    }
}
