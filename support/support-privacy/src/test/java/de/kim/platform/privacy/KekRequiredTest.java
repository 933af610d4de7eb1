package de.kim.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that seals personal data does not start without a key-encryption key, and says which setting to give. */
class KekRequiredTest {

    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
            .withUserConfiguration(SealingService.class)
            .withPropertyValues("kim.keystore.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "kim.keystore.username=sa", "kim.keystore.password=");

    @Test
    void without_a_kek_the_service_refuses_to_start_naming_the_settings() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("KIM_KEYSTORE_KEK_FILE").hasMessageContaining("KIM_KEYSTORE_KEK");
        });
    }

    @Test
    void with_a_kek_it_starts_and_seals() {
        service.withPropertyValues("kim.keystore.kek=" + KeyEncryptionKeys.newKeyText("k1")).run(context -> {
            assertThat(context).hasNotFailed();
            PersonalDataVault vault = context.getBean(PersonalDataVault.class);
            assertThat(vault.open("kreis-mettmann", vault.seal("kreis-mettmann", "p-1", "Amina"), String.class))
                    .contains("Amina");
        });
    }

    /** A component that needs the vault at start, as the services' projections do. */
    @Configuration
    static class SealingService {

        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        Object projection(PersonalDataVault vault) {
            return vault.holdsKeyOf("nobody");
        }
    }
}
