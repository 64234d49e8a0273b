package io.ticketflow.benchmarks;

import io.ticketflow.topology.config.LocalModelSettings;
import java.nio.file.Path;

/**
 * The command line of {@code category-accuracy}: {@code [DATA_DIR] [--threads N] [--neighbours K]
 * [--weighting softmax|similarity|uniform] [--temperature T] [--chunk-words N] [--max-chunks N]
 * [--export-examples FILE [--export-size N]] [--compare]}.
 * Model options left out take the local model's defaults ({@link LocalModelSettings}).
 *
 * @param dataDir the folder holding {@code train.csv} and {@code test.csv}
 * @param workDir where caches go: {@code benchmarks/target}
 * @param settings the local model's settings to measure
 * @param exportTo where to write an example set of {@code exportSize} training rows; {@code null} for none
 * @param exportSize examples in an exported set
 * @param compare whether to also measure the classifiers the local model does not use
 */
record CategoryAccuracyOptions(
        Path dataDir, Path workDir, LocalModelSettings settings, Path exportTo, int exportSize, boolean compare) {

    static final String USAGE = "usage: benchmarks/run category-accuracy [DATA_DIR] [--threads N] [--neighbours K]"
            + " [--weighting softmax|similarity|uniform] [--temperature T] [--chunk-words N] [--max-chunks N]"
            + " [--export-examples FILE [--export-size N]] [--compare]";

    /**
     * Parses {@code args}.
     *
     * @param root the project root; the default data folder is {@code ../shared/data/it-tickets} from it
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static CategoryAccuracyOptions parse(String[] args, Path root) {
        Path dataDir = root.resolve("../shared/data/it-tickets").normalize();
        Integer threads = null;
        Integer neighbours = null;
        String weighting = null;
        Double temperature = null;
        Integer chunkWords = null;
        Integer maxChunks = null;
        Path exportTo = null;
        int exportSize = 8000;
        boolean dataDirGiven = false;
        boolean compare = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--threads" -> threads = number(args, ++i, arg);
                case "--neighbours" -> neighbours = number(args, ++i, arg);
                case "--weighting" -> weighting = value(args, ++i, arg);
                case "--temperature" -> temperature = decimal(args, ++i, arg);
                case "--chunk-words" -> chunkWords = number(args, ++i, arg);
                case "--max-chunks" -> maxChunks = number(args, ++i, arg);
                case "--export-examples" -> exportTo = Path.of(value(args, ++i, arg));
                case "--export-size" -> exportSize = number(args, ++i, arg);
                case "--compare" -> compare = true;
                default -> {
                    if (arg.startsWith("--") || dataDirGiven) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    dataDir = Path.of(arg);
                    dataDirGiven = true;
                }
            }
        }
        if (exportSize < 1) {
            throw new IllegalArgumentException("--export-size must be at least 1");
        }
        LocalModelSettings settings = new LocalModelSettings(
                threads, null, chunkWords, maxChunks, neighbours, weighting, temperature, null, null, null, null, null);
        return new CategoryAccuracyOptions(
                dataDir, root.resolve("benchmarks/target"), settings, exportTo, exportSize, compare);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double decimal(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was '" + text + "'");
        }
    }

    private static int number(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was '" + text + "'");
        }
    }
}
