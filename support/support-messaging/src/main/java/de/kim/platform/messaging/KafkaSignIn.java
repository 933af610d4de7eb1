package de.kim.platform.messaging;

/**
 * How a service signs in to Kafka: its principal and password, checked when the service starts.
 * A broker that requires sign-in ({@code SASL_*}) and a service without a password would
 * otherwise meet in an endless loop of authentication errors; the service refuses to start
 * instead and says what is missing.
 *
 * @param protocol  {@code spring.kafka.security.protocol}
 * @param principal {@code kim.messaging.username}
 * @param password  {@code kim.messaging.password}
 */
public record KafkaSignIn(String protocol, String principal, String password) {

    public KafkaSignIn {
        if (protocol != null && protocol.trim().toUpperCase(java.util.Locale.ROOT).startsWith("SASL")) {
            if (principal == null || principal.isBlank()) {
                throw new IllegalStateException("Kafka requires sign-in (spring.kafka.security.protocol=" + protocol
                        + "), but no principal is set: set KIM_KAFKA_USERNAME (default: the application name)");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalStateException("Kafka requires sign-in (spring.kafka.security.protocol=" + protocol
                        + "), but no password is set for the principal '" + principal + "': set KIM_KAFKA_PASSWORD"
                        + " (./kim start passes each service its own; with docker-compose, see the README)");
            }
            if (unquotable(principal) || unquotable(password)) {
                throw new IllegalStateException("The Kafka principal or password of '" + principal
                        + "' contains a quote or a backslash, which the SASL (JAAS) settings cannot carry: choose another");
            }
        }
    }

    private static boolean unquotable(String value) {
        return value.indexOf('"') >= 0 || value.indexOf('\\') >= 0;
    }

    @Override
    public String toString() {
        return "KafkaSignIn[protocol=" + protocol + ", principal=" + principal + "]";
    }
}
