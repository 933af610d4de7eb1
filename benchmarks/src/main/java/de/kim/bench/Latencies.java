package de.kim.bench;

import java.util.Arrays;

/**
 * Every latency of a run, kept whole (a minute at a few thousand commands per second is a few
 * hundred thousand longs), so that percentiles are exact rather than estimated from buckets.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** The summary in milliseconds; percentiles by nearest rank over all recorded values. */
    Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Summary(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), ms(sorted[0]), sum / sorted.length / 1e6);
    }

    /** The nearest-rank percentile: the smallest value with at least q of all values at or below it. */
    static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Count and latencies in milliseconds. */
    record Summary(int count, double median, double p90, double p99, double max, double min, double mean) {

        void writeTo(Results results, String prefix) {
            results.put(prefix + ".count", count);
            results.put(prefix + ".median_ms", median);
            results.put(prefix + ".p90_ms", p90);
            results.put(prefix + ".p99_ms", p99);
            results.put(prefix + ".max_ms", max);
            results.put(prefix + ".min_ms", min);
            results.put(prefix + ".mean_ms", mean);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%d median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    count, median, p90, p99, max);
        }
    }
}
