package de.kim.cases.privacy;

import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.BlindIndexKeys;
import de.kim.platform.privacy.PersonalDataVault;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The blind index of the case files (clients' names and dates of birth): the platform's
 * {@link BlindIndex} with case-service's own key per tenant, in its table {@code kim_search_key}
 * under the key store's subject {@code search-index:<tenant>}.
 */
@Configuration(proxyBeanMethods = false)
public class CaseSearchIndex {

    @Bean
    public BlindIndex caseBlindIndex(JdbcTemplate jdbc, @Lazy PersonalDataVault vault) {
        Schemas.migrate(jdbc.getDataSource(), "search-keys");
        return new BlindIndex(new BlindIndexKeys(jdbc, vault, "kim_search_key", "search-index:"));
    }
}
