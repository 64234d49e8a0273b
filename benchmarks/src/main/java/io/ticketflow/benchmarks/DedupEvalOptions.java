package io.ticketflow.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code dedup-eval}: {@code [FOLDER] [--sweep] [--features FILE] [--retention DAYS]}.
 *
 * @param folder the dedup-format folder to replay
 * @param sweep whether to print the sweep over semantic weights and thresholds
 * @param features where to write what the decision had on each judged report; {@code null} for nowhere
 * @param retention how long a report stays a candidate original, as the topology's {@code ticketflow.dedup.retention};
 *     {@code null} for ever
 */
record DedupEvalOptions(Path folder, boolean sweep, Path features, Duration retention) {

    static final String USAGE =
            "usage: benchmarks/run dedup-eval [FOLDER] [--sweep] [--features FILE] [--retention DAYS]";

    /**
     * Parses {@code args}.
     *
     * @param root the project root; the default folder is {@code ../shared/data/dedup/gitbugs-hadoop} from it
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static DedupEvalOptions parse(String[] args, Path root) {
        Path folder = null;
        boolean sweep = false;
        Path features = null;
        Duration retention = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--sweep" -> sweep = true;
                case "--features" -> features = Path.of(CommandLineValues.value(args, ++i, arg));
                case "--retention" -> {
                    int days = CommandLineValues.number(args, ++i, arg);
                    if (days < 1) {
                        throw new IllegalArgumentException("--retention needs at least 1 day, was " + days);
                    }
                    retention = Duration.ofDays(days);
                }
                default -> {
                    if (arg.startsWith("--") || folder != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    folder = Path.of(arg);
                }
            }
        }
        if (folder == null) {
            folder = root.resolve("../shared/data/dedup/gitbugs-hadoop").normalize();
        }
        return new DedupEvalOptions(folder, sweep, features, retention);
    }
}
