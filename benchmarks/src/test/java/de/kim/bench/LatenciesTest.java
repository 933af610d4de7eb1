package de.kim.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentiles_are_exact_by_nearest_rank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.median()).isEqualTo(50.0);
        assertThat(summary.p90()).isEqualTo(90.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.min()).isEqualTo(1.0);
    }

    @Test
    void a_single_value_is_every_percentile() {
        assertThat(Latencies.rank(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(Latencies.rank(new long[] {7}, 0.5)).isEqualTo(7);
    }

    @Test
    void recording_grows_beyond_the_first_array() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 5000; i++) {
            latencies.add(i);
        }
        assertThat(latencies.count()).isEqualTo(5000);
    }
}
