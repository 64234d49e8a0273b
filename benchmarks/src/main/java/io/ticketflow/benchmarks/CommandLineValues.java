package io.ticketflow.benchmarks;

/** Reading an option's value off a benchmark's command line, with the error a user should see when it is wrong. */
final class CommandLineValues {

    private CommandLineValues() {}

    /**
     * {@code args[i]}, the value of {@code option}.
     *
     * @throws IllegalArgumentException when the command line ends before it
     */
    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /**
     * {@code args[i]} as a whole number, the value of {@code option}.
     *
     * @throws IllegalArgumentException when it is missing or not a whole number
     */
    static int number(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was '" + text + "'");
        }
    }
}
