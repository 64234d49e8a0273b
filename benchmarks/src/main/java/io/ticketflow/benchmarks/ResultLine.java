package io.ticketflow.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one summary line a benchmark ends with: {@code RESULT NAME key=value key=value ...}, plain numbers (ratios as
 * fractions, times in ms unless the key says otherwise), keys in the order they were added. Not thread-safe.
 */
public final class ResultLine {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final String benchmark;
    private final Map<String, String> values = new LinkedHashMap<>();

    public ResultLine(String benchmark) {
        this.benchmark = checkName(benchmark);
    }

    /** Adds {@code key=value} with {@code decimals} digits after the point (a dot, whatever the locale). */
    public ResultLine add(String key, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " is not a finite number: " + value);
        }
        values.put(checkName(key), String.format(Locale.ROOT, "%." + decimals + "f", value));
        return this;
    }

    /** Adds {@code key=value} for a count. */
    public ResultLine add(String key, long value) {
        values.put(checkName(key), Long.toString(value));
        return this;
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder("RESULT ").append(benchmark);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    private static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a benchmark or key name: '" + name + "'");
        }
        return name;
    }
}
