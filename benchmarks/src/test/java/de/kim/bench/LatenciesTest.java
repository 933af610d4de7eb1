package de.kim.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class LatenciesTest {

    @Test
    void percentiles_are_within_a_tenth_of_a_percent() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.median()).isCloseTo(50.0, withinPercentage(0.1));
        assertThat(summary.p90()).isCloseTo(90.0, withinPercentage(0.1));
        assertThat(summary.p99()).isCloseTo(99.0, withinPercentage(0.1));
        assertThat(summary.max()).isCloseTo(100.0, withinPercentage(0.1));
        assertThat(summary.min()).isCloseTo(1.0, withinPercentage(0.1));
        assertThat(summary.mean()).isCloseTo(50.5, withinPercentage(0.1));
    }

    @Test
    void the_clients_latencies_add_up_to_the_run() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int i = 0; i < 5000; i++) {
            first.add(2_000_000L);
            second.add(8_000_000L);
        }
        Latencies run = new Latencies();
        run.addAll(first);
        run.addAll(second);
        assertThat(run.count()).isEqualTo(10_000);
        assertThat(run.summary().median()).isCloseTo(2.0, withinPercentage(0.1));
        assertThat(run.summary().p90()).isCloseTo(8.0, withinPercentage(0.1));
    }

    @Test
    void nothing_recorded_has_no_percentiles() {
        assertThat(new Latencies().summary().median()).isNaN();
    }
}
