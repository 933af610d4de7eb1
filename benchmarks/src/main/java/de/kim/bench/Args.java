package de.kim.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;

/** Command-line options of the form {@code --name value}; anything else is refused, so a typo does not pass silently. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, String... known) {
        List<String> names = Arrays.asList(known);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !names.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown option " + arg + " (known: --" + String.join(", --", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    int[] integers(String name, String fallback) {
        return Arrays.stream(get(name, fallback).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
