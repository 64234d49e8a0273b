package io.ticketflow.testkit.bedrock;

import java.time.Duration;

/**
 * The command line of {@link BedrockSimulator#main}: {@code --name value} pairs, every one optional.
 *
 * @param port the port; default {@value #DEFAULT_PORT}
 * @param latencyMillis the mean answer time in milliseconds; default 0
 * @param jitterMillis how far an answer time strays from the mean either way, in milliseconds; default 0
 * @param requestsPerMinute the request quota; 0 (the default) for none
 * @param tokensPerMinute the token quota; 0 (the default) for none
 * @param seed the seed of the random draws; default 0
 */
record SimulatorOptions(
        int port, long latencyMillis, long jitterMillis, long requestsPerMinute, long tokensPerMinute, long seed) {

    static final int DEFAULT_PORT = 8089;

    static final String USAGE =
            "usage: BedrockSimulator [--port N] [--latency-ms N] [--jitter-ms N] [--rpm N]" + " [--tpm N] [--seed N]";

    /**
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or has an invalid one
     */
    static SimulatorOptions parse(String... args) {
        int port = DEFAULT_PORT;
        long latency = 0;
        long jitter = 0;
        long rpm = 0;
        long tpm = 0;
        long seed = 0;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            long value = number(name, args[i + 1]);
            switch (name) {
                case "--port" -> port = (int) atLeast(name, value, 0);
                case "--latency-ms" -> latency = atLeast(name, value, 0);
                case "--jitter-ms" -> jitter = atLeast(name, value, 0);
                case "--rpm" -> rpm = atLeast(name, value, 0);
                case "--tpm" -> tpm = atLeast(name, value, 0);
                case "--seed" -> seed = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (port > 65_535) {
            throw new IllegalArgumentException("--port must be within 0–65535, was " + port);
        }
        if (jitter > latency) {
            throw new IllegalArgumentException("--jitter-ms must not exceed --latency-ms");
        }
        return new SimulatorOptions(port, latency, jitter, rpm, tpm, seed);
    }

    /** {@code builder} configured with these options. */
    BedrockSimulator.Builder applyTo(BedrockSimulator.Builder builder) {
        builder.port(port)
                .seed(seed)
                .latency(Latency.jittered(Duration.ofMillis(latencyMillis), Duration.ofMillis(jitterMillis)));
        if (requestsPerMinute > 0) {
            builder.requestsPerMinute(requestsPerMinute);
        }
        if (tokensPerMinute > 0) {
            builder.tokensPerMinute(tokensPerMinute);
        }
        return builder;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'");
        }
    }

    private static long atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
