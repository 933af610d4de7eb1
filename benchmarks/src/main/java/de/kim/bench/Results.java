package de.kim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's results as {@code key=value} lines: printed, and written to the file given with
 * {@code --out} for {@code bench/run.sh} to read ({@code grep '^key=' file | cut -d= -f2}).
 */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        String text;
        if (value instanceof Double d) {
            text = d.isNaN() ? "NaN" : String.format(Locale.ROOT, "%.3f", d);
        } else {
            text = String.valueOf(value);
        }
        values.put(key, text.replace('\n', ' '));
    }

    String get(String key) {
        return values.get(key);
    }

    void putAll(String prefix, Results other) {
        other.values.forEach((k, v) -> values.put(prefix + k, v));
    }

    void print(String outFile) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        System.out.print(out);
        if (outFile != null && !outFile.isBlank()) {
            try {
                Path path = Path.of(outFile);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** CPU seconds this JVM used so far, to show what the measuring itself cost. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
