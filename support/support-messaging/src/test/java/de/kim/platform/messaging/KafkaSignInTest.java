package de.kim.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSignInTest {

    @Test
    void a_service_that_must_sign_in_without_a_password_refuses_to_start_and_names_what_is_missing() {
        assertThatThrownBy(() -> new KafkaSignIn("SASL_PLAINTEXT", "case-service", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KIM_KAFKA_PASSWORD").hasMessageContaining("case-service");
    }

    @Test
    void a_password_a_jaas_line_cannot_carry_is_refused_without_showing_it() {
        assertThatThrownBy(() -> new KafkaSignIn("SASL_SSL", "case-service", "se\"cret"))
                .isInstanceOf(IllegalStateException.class).message().doesNotContain("se\"cret");
    }

    @Test
    void a_broker_without_sign_in_needs_no_password() {
        assertThat(new KafkaSignIn("PLAINTEXT", "case-service", "").principal()).isEqualTo("case-service");
    }

    @Test
    void the_password_is_not_in_its_text() {
        assertThat(new KafkaSignIn("SASL_PLAINTEXT", "case-service", "s3cr3t-pw")).asString().doesNotContain("s3cr3t-pw");
    }
}
