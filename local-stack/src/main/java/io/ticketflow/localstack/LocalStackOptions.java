package io.ticketflow.localstack;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The local stack's command-line options.
 *
 * @param port the broker's client port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory where the broker and the state stores keep their data across runs; {@code null} for a
 *     temporary folder deleted on exit
 * @param tickets how many sample tickets to feed; 0 feeds none
 * @param ratePerSecond how many sample tickets to feed per second
 * @param seed the sample generator's seed: the same seed feeds the same tickets
 * @param httpPort the topology's health and metrics port; 0 picks a free one
 * @param model which models the topology calls: {@link #LOCAL_MODEL} (the in-process default) or
 *     {@link #BEDROCK_SIMULATOR} (the real {@code bedrock} adapter, talking to the test kit's Bedrock simulator
 *     started in this JVM)
 */
public record LocalStackOptions(
        int port, Path dataDirectory, int tickets, double ratePerSecond, long seed, int httpPort, String model) {

    /** The in-process {@code local} model. */
    public static final String LOCAL_MODEL = "local";
    /** The {@code bedrock} provider pointed at a {@code BedrockSimulator} on a free local port. */
    public static final String BEDROCK_SIMULATOR = "bedrock-simulator";

    static final String USAGE = """
            Usage: local-stack/run [options]
              --port N          broker port on 127.0.0.1 (default 9092; 0 picks a free port)
              --data-dir DIR    keep broker data and state stores in DIR across runs (default: a temporary folder,
                                deleted on exit)
              --tickets N       sample tickets to feed (default 300; 0 feeds none)
              --rate R          sample tickets per second (default 20)
              --seed S          generator seed (default 42): the same seed feeds the same tickets
              --http-port N     topology health and metrics port (default 8081; 0 picks a free port)
              --model M         local (default): the in-process model; bedrock-simulator: the real Bedrock
                                adapter against the test kit's Bedrock simulator, started in this JVM
              --help            show this and exit
            """;

    private static final Set<String> OPTIONS =
            Set.of("--port", "--data-dir", "--tickets", "--rate", "--seed", "--http-port", "--model");

    public LocalStackOptions {
        requireRange("--port", port, 0, 65_535);
        requireRange("--http-port", httpPort, 0, 65_535);
        requireRange("--tickets", tickets, 0, Integer.MAX_VALUE);
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("--rate must be positive, was " + ratePerSecond);
        }
        if (!Set.of(LOCAL_MODEL, BEDROCK_SIMULATOR).contains(model)) {
            throw new IllegalArgumentException(
                    "--model must be " + LOCAL_MODEL + " or " + BEDROCK_SIMULATOR + ", was '" + model + "'");
        }
    }

    /**
     * The defaults: port 9092, a temporary folder, 300 tickets at 20 per second, seed 42, HTTP port 8081, the local
     * model.
     */
    public static LocalStackOptions defaults() {
        return new LocalStackOptions(9092, null, 300, 20, 42, 8081, LOCAL_MODEL);
    }

    /** Whether the topology calls the Bedrock simulator through the {@code bedrock} adapter. */
    public boolean usesBedrockSimulator() {
        return BEDROCK_SIMULATOR.equals(model);
    }

    /**
     * Parses command-line arguments over the defaults.
     *
     * @throws IllegalArgumentException naming the bad option; the message is meant for the user
     */
    public static LocalStackOptions parse(List<String> args) {
        LocalStackOptions options = defaults();
        Iterator<String> it = args.iterator();
        while (it.hasNext()) {
            String option = it.next();
            if (isHelp(option)) {
                continue;
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            String value = valueOf(option, it);
            options = switch (option) {
                case "--port" -> options.withPort(integer(option, value));
                case "--data-dir" -> options.withDataDirectory(Path.of(value));
                case "--tickets" -> options.withTickets(integer(option, value));
                case "--rate" -> options.withRate(number(option, value));
                case "--seed" -> options.withSeed(wholeNumber(option, value));
                case "--http-port" -> options.withHttpPort(integer(option, value));
                case "--model" -> options.withModel(value);
                default -> throw new IllegalStateException("option without a parser: " + option);
            };
        }
        return options;
    }

    /** Whether the arguments ask for help. */
    public static boolean wantsHelp(List<String> args) {
        return args.stream().anyMatch(LocalStackOptions::isHelp);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    public LocalStackOptions withPort(int newPort) {
        return new LocalStackOptions(newPort, dataDirectory, tickets, ratePerSecond, seed, httpPort, model);
    }

    public LocalStackOptions withDataDirectory(Path newDataDirectory) {
        return new LocalStackOptions(port, newDataDirectory, tickets, ratePerSecond, seed, httpPort, model);
    }

    public LocalStackOptions withTickets(int newTickets) {
        return new LocalStackOptions(port, dataDirectory, newTickets, ratePerSecond, seed, httpPort, model);
    }

    public LocalStackOptions withRate(double newRate) {
        return new LocalStackOptions(port, dataDirectory, tickets, newRate, seed, httpPort, model);
    }

    public LocalStackOptions withSeed(long newSeed) {
        return new LocalStackOptions(port, dataDirectory, tickets, ratePerSecond, newSeed, httpPort, model);
    }

    public LocalStackOptions withHttpPort(int newHttpPort) {
        return new LocalStackOptions(port, dataDirectory, tickets, ratePerSecond, seed, newHttpPort, model);
    }

    public LocalStackOptions withModel(String newModel) {
        return new LocalStackOptions(port, dataDirectory, tickets, ratePerSecond, seed, httpPort, newModel);
    }

    private static String valueOf(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int integer(String option, String value) {
        long number = wholeNumber(option, value);
        if (number != (int) number) {
            throw new IllegalArgumentException(option + " is out of range, was " + value);
        }
        return (int) number;
    }

    private static long wholeNumber(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was '" + value + "'", e);
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was '" + value + "'", e);
        }
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be within " + min + "–" + max + ", was " + value);
        }
    }
}
