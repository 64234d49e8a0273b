package io.ticketflow.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code quota}: {@code [--instances N] [--duration D] [--warmup D] [--max-warmup D]
 * [--blocking-duration D]
 * [--blocking-warmup D] [--rpm N] [--latency-ms N] [--jitter-ms N] [--threads N] [--partitions N] [--feed-factor F]
 * [--seed N] [--set KEY=VALUE ...]}, durations written like {@code 3m}, {@code 90s}, {@code 1m30s} or {@code 500ms}.
 *
 * @param instances topology JVMs sharing the quota, each a child process; default 1
 * @param duration how long the async variant is measured, after its warm-up; default 3 min
 * @param warmup how long the async variant runs at least before the measurement starts; default 2 min
 * @param maxWarmup how long it runs at most before the measurement starts: after {@code warmup} the benchmark waits
 *     until a model's one-minute burst is used up ({@link #BURST_USED}), but no longer than this; default 10 min
 * @param blockingDuration how long the blocking variant is measured, after its warm-up; default 1 min
 * @param blockingWarmup how long the blocking variant runs before its measurement starts; default 15 s
 * @param requestsPerMinute the simulated quota of each model, in requests per minute; default 6,000
 * @param latency the simulated model's mean answer time; default 1 s
 * @param jitter how far an answer time strays from the mean either way (uniform); default 500 ms
 * @param streamThreads stream threads per instance, the same for both variants; default 1
 * @param partitions partitions of the input topic: the tasks the instances share; default 6
 * @param feedFactor tickets fed per second as a multiple of what the quota can serve, so that the quota, not the feed,
 *     binds; default 1.25
 * @param seed seeds the ticket generator and the simulator; default 1
 * @param settings further {@code ticketflow.*} settings of both variants' instances, over the benchmark's own (for
 *     example {@code ticketflow.model.embedding-limits.max-concurrency=200}); default none
 * @param workDir where broker data, state and instance logs go: {@code benchmarks/target/quota}
 */
record QuotaOptions(
        int instances,
        Duration duration,
        Duration warmup,
        Duration maxWarmup,
        Duration blockingDuration,
        Duration blockingWarmup,
        int requestsPerMinute,
        Duration latency,
        Duration jitter,
        int streamThreads,
        int partitions,
        double feedFactor,
        long seed,
        Map<String, String> settings,
        Path workDir) {

    static final String USAGE = "usage: benchmarks/run quota [--instances N] [--duration 3m] [--warmup 2m]"
            + " [--max-warmup 10m] [--blocking-duration 1m] [--blocking-warmup 15s] [--rpm 6000] [--latency-ms 1000] [--jitter-ms 500]"
            + " [--threads 1] [--partitions 6] [--feed-factor 1.25] [--seed 1] [--set ticketflow.KEY=VALUE ...]";

    /**
     * The quota headroom ({@code BedrockSimulator.quotaHeadroom}) below which a model's one-minute burst counts as used
     * up: 2 % of a minute's quota, which can lift a 3-minute measurement by at most 0.7 %. The simulator's buckets, like
     * the guard's own, start full: until the burst is used, calls pass faster than the quota's rate.
     */
    static final double BURST_USED = 0.02;

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    QuotaOptions {
        if (instances < 1 || streamThreads < 1 || partitions < 1 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("--instances, --threads, --partitions and --rpm must be at least 1");
        }
        if (jitter.compareTo(latency) > 0) {
            throw new IllegalArgumentException("--jitter-ms must not exceed --latency-ms");
        }
        if (maxWarmup.compareTo(warmup) < 0) {
            maxWarmup = warmup;
        }
        if (duration.isZero() || blockingDuration.isZero()) {
            throw new IllegalArgumentException("--duration and --blocking-duration must be positive");
        }
        settings = Map.copyOf(settings);
        if (!(feedFactor >= 1)) {
            throw new IllegalArgumentException("--feed-factor must be at least 1, was " + feedFactor);
        }
    }

    /**
     * Parses {@code args}.
     *
     * @param root the project root; the work folder is {@code benchmarks/target/quota} under it
     * @throws IllegalArgumentException on an unknown option, a missing or a bad value
     */
    static QuotaOptions parse(String[] args, Path root) {
        int instances = 1;
        Duration duration = Duration.ofMinutes(3);
        Duration warmup = Duration.ofMinutes(2);
        Duration maxWarmup = Duration.ofMinutes(10);
        Duration blockingDuration = Duration.ofMinutes(1);
        Duration blockingWarmup = Duration.ofSeconds(15);
        int rpm = 6_000;
        long latencyMs = 1_000;
        long jitterMs = 500;
        int threads = 1;
        int partitions = 6;
        double feedFactor = 1.25;
        long seed = 1;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = ++i < args.length ? args[i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--instances" -> instances = (int) whole(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--max-warmup" -> maxWarmup = duration(option, value);
                case "--blocking-duration" -> blockingDuration = duration(option, value);
                case "--blocking-warmup" -> blockingWarmup = duration(option, value);
                case "--rpm" -> rpm = (int) whole(option, value);
                case "--latency-ms" -> latencyMs = whole(option, value);
                case "--jitter-ms" -> jitterMs = whole(option, value);
                case "--threads" -> threads = (int) whole(option, value);
                case "--partitions" -> partitions = (int) whole(option, value);
                case "--feed-factor" -> feedFactor = decimal(option, value);
                case "--seed" -> seed = whole(option, value);
                case "--set" -> {
                    int equals = value.indexOf('=');
                    if (!value.startsWith("ticketflow.") || equals < 0) {
                        throw new IllegalArgumentException("--set needs ticketflow.KEY=VALUE, was '" + value + "'");
                    }
                    settings.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        return new QuotaOptions(
                instances,
                duration,
                warmup,
                maxWarmup,
                blockingDuration,
                blockingWarmup,
                rpm,
                Duration.ofMillis(latencyMs),
                Duration.ofMillis(jitterMs),
                threads,
                partitions,
                feedFactor,
                seed,
                settings,
                root.resolve("benchmarks/target/quota"));
    }

    /** Tickets fed per second: each ticket makes one call to each model, so the quota serves rpm / 60 a second. */
    double feedPerSecond() {
        return feedFactor * requestsPerMinute / 60.0;
    }

    /**
     * A duration such as {@code 3m}, {@code 90s}, {@code 1m30s}, {@code 500ms} or {@code 0s}.
     *
     * @throws IllegalArgumentException naming {@code option} when {@code text} is none
     */
    static Duration duration(String option, String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Matcher part = DURATION_PART.matcher(lower);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    });
            end = part.end();
        }
        if (end == 0 || end != lower.length()) {
            throw new IllegalArgumentException(
                    option + " needs a duration such as 3m, 90s, 1m30s or 500ms, was '" + text + "'");
        }
        return total;
    }

    private static long whole(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new IllegalArgumentException(option + " must not be negative, was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was '" + value + "'");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was '" + value + "'");
        }
    }
}
