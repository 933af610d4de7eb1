package de.kim.bench;

import org.HdrHistogram.Histogram;

/**
 * The latencies of a run in an HdrHistogram: every value recorded, percentiles to three
 * significant digits (0.1 %), from a microsecond up to an hour, in constant memory.
 */
final class Latencies {

    private static final long HOUR_NANOS = 3_600_000_000_000L;

    private final Histogram nanos = new Histogram(1_000, HOUR_NANOS, 3);

    void add(long latencyNanos) {
        nanos.recordValue(Math.max(1_000, Math.min(HOUR_NANOS, latencyNanos)));
    }

    void addAll(Latencies other) {
        nanos.add(other.nanos);
    }

    int count() {
        return (int) nanos.getTotalCount();
    }

    /** The summary in milliseconds. */
    Summary summary() {
        if (nanos.getTotalCount() == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(count(), ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)), ms(nanos.getMaxValue()), ms(nanos.getMinValue()),
                nanos.getMean() / 1e6);
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
