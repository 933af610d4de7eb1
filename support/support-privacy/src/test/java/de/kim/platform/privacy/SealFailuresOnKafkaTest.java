package de.kim.platform.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.DefaultErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** A Kafka consumer sends a record whose seal does not open, or that is sealed for another tenant, to its dead-letter topic at once. */
class SealFailuresOnKafkaTest {

    @Test
    void the_consumers_do_not_retry_a_seal_that_does_not_open() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
                .withBean(DefaultErrorHandler.class, DefaultErrorHandler::new)
                .run(context -> {
                    DefaultErrorHandler handler = context.getBean(DefaultErrorHandler.class);
                    // false: classified as not retryable (null: not classified, so retried).
                    assertThat(handler.removeClassification(UnreadableSealException.class)).isFalse();
                    assertThat(handler.removeClassification(ForeignTenantException.class)).isFalse();
                });
    }
}
