package io.ticketflow.benchmarks;

import io.ticketflow.topology.config.LocalModelSettings;
import java.nio.file.Path;

/**
 * The command line of {@code category-accuracy}: {@code [DATA_DIR] [--threads N] [--chunk-words N] [--max-chunks N]
 * [--export-classifier FILE]}. Model options left out take the local model's defaults ({@link LocalModelSettings}).
 *
 * @param dataDir the folder holding {@code train.csv} and {@code test.csv}
 * @param workDir where caches go: {@code benchmarks/target}
 * @param settings the local model's settings to measure
 * @param exportTo where to write the trained classifier (the file the topology ships); {@code null} for nowhere
 */
record CategoryAccuracyOptions(Path dataDir, Path workDir, LocalModelSettings settings, Path exportTo) {

    static final String USAGE = "usage: benchmarks/run category-accuracy [DATA_DIR] [--threads N] [--chunk-words N]"
            + " [--max-chunks N] [--export-classifier FILE]";

    /**
     * Parses {@code args}.
     *
     * @param root the project root; the default data folder is {@code ../shared/data/it-tickets} from it
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static CategoryAccuracyOptions parse(String[] args, Path root) {
        Path dataDir = root.resolve("../shared/data/it-tickets").normalize();
        Integer threads = null;
        Integer chunkWords = null;
        Integer maxChunks = null;
        Path exportTo = null;
        boolean dataDirGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--threads" -> threads = CommandLineValues.number(args, ++i, arg);
                case "--chunk-words" -> chunkWords = CommandLineValues.number(args, ++i, arg);
                case "--max-chunks" -> maxChunks = CommandLineValues.number(args, ++i, arg);
                case "--export-classifier" -> exportTo = Path.of(CommandLineValues.value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || dataDirGiven) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    dataDir = Path.of(arg);
                    dataDirGiven = true;
                }
            }
        }
        LocalModelSettings settings =
                new LocalModelSettings(threads, null, chunkWords, maxChunks, null, null, null, null);
        return new CategoryAccuracyOptions(dataDir, root.resolve("benchmarks/target"), settings, exportTo);
    }
}
