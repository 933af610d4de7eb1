package de.kim.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceEjectionsTest {

    final ServiceInstance first = new DefaultServiceInstance("case-service-1", "case-service", "10.0.0.1", 8081, false);
    final ServiceInstance second = new DefaultServiceInstance("case-service-2", "case-service", "10.0.0.2", 8081, false);
    Instant now = Instant.parse("2026-12-01T09:00:00Z");
    final InstanceEjections ejections = new InstanceEjections(Duration.ofSeconds(5), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void an_instance_that_refused_a_connection_is_left_out_until_its_ejection_ends() {
        ejections.refusedConnection(second);
        assertThat(ejections.usable(List.of(first, second))).containsExactly(first);
        now = now.plusSeconds(5);
        assertThat(ejections.usable(List.of(first, second))).containsExactly(first, second);
    }

    @Test
    void when_every_instance_refused_all_are_tried_again_rather_than_none() {
        ejections.refusedConnection(first);
        ejections.refusedConnection(second);
        assertThat(ejections.usable(List.of(first, second))).containsExactly(first, second);
    }
}
