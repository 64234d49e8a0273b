package io.ticketflow.benchmarks;

import io.ticketflow.topology.ai.local.CategoryClassifier;
import io.ticketflow.topology.ai.local.CategoryPrediction;
import io.ticketflow.topology.ai.local.LocalEmbeddingModel;
import io.ticketflow.topology.ai.local.LocalModels;
import io.ticketflow.topology.config.LocalModelSettings;
import io.ticketflow.topology.config.ModelSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code benchmarks/run category-accuracy [DATA_DIR] [options]}: how well the {@code local} triage model's category
 * classifier finds the category of real IT tickets, how fast the local embedding model embeds them on this machine,
 * and what the classifier costs at start-up.
 *
 * <p>Embeds every row of {@code DATA_DIR/train.csv} and {@code DATA_DIR/test.csv} (default
 * {@code ../shared/data/it-tickets} beside the project) through the {@code EmbeddingModel} port, caching vectors under
 * {@code benchmarks/target/embedding-cache}; trains the product's {@link CategoryClassifier} on the training rows;
 * writes it and reads it back as the topology loads its shipped classifier, restricted to the default
 * {@code ticketflow.model.categories}; and reports accuracy, macro-F1 and per-class F1 on every test row. It also
 * checks that the classifier shipped in the topology jar is byte for byte the one trained here, and can write the
 * trained classifier for shipping. Options: see {@link CategoryAccuracyOptions}.
 */
public final class CategoryAccuracyBenchmark {

    private static final String NAME = "category-accuracy";
    /** Texts embedded, uncached, to measure throughput: enough for a stable rate, few enough to take seconds. */
    private static final int THROUGHPUT_SAMPLE = 500;

    private final CategoryAccuracyOptions options;
    private final PrintStream out;

    CategoryAccuracyBenchmark(CategoryAccuracyOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        CategoryAccuracyOptions options;
        try {
            options = CategoryAccuracyOptions.parse(args, Benchmarks.projectRoot());
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.println(CategoryAccuracyOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.out.println(new CategoryAccuracyBenchmark(options, System.out).run());
        } catch (FileNotFoundException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the benchmark, printing as it goes, and returns its result line. */
    ResultLine run() throws IOException, InterruptedException {
        List<LabelledText> train = read("train.csv");
        List<LabelledText> test = read("test.csv");
        LocalModelSettings settings = options.settings();
        out.printf(
                "local model: %d threads, chunks of %d words (at most %d)%n",
                settings.threads(), settings.chunkWords(), settings.maxChunks());

        float[][] trainVectors;
        float[][] testVectors;
        double embeddingsPerSecond;
        try (LocalEmbeddingModel model = LocalEmbeddingModel.create(settings);
                EmbeddingCache cache = EmbeddingCache.open(
                        options.workDir().resolve("embedding-cache"),
                        model.modelId() + "-w" + settings.chunkWords() + "x" + settings.maxChunks(),
                        model.dimensions())) {
            BatchEmbedder embedder = new BatchEmbedder(model, 4 * settings.threads(), out);
            embedder.throughput(texts(test.subList(0, Math.min(50, test.size())))); // warm-up
            embeddingsPerSecond = embedder.throughput(texts(test.subList(0, Math.min(THROUGHPUT_SAMPLE, test.size()))));
            out.printf("throughput: %.1f embeddings/s over %d test texts%n", embeddingsPerSecond, THROUGHPUT_SAMPLE);
            trainVectors = embedder.embed("train", texts(train), cache).vectors();
            testVectors = embedder.embed("test", texts(test), cache).vectors();
        }

        long started = System.nanoTime();
        CategoryClassifier trained = CategoryClassifier.train(
                LocalEmbeddingModel.MODEL_ID,
                texts(train),
                train.stream().map(LabelledText::category).toList(),
                Arrays.asList(trainVectors));
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        byte[] written = bytesOf(trained);
        out.printf(
                "%ntrained on %d rows in %.1f s: %d categories, %d terms, %d bytes written%n",
                train.size(), trainSeconds, trained.categories().size(), trained.vocabularySize(), written.length);

        // What the topology runs: the classifier as read from its file, restricted to the configured categories.
        ClassificationReport report = evaluate(
                "the classifier trained on all " + train.size() + " training rows",
                CategoryClassifier.readFrom(new ByteArrayInputStream(written)),
                test,
                testVectors);
        ResultLine result = new ResultLine(NAME)
                .add("accuracy", report.accuracy(), 4)
                .add("macro_f1", report.macroF1(), 4)
                .add("weighted_f1", report.weightedF1(), 4)
                .add("embeddings_per_s", embeddingsPerSecond, 1)
                .add("train_rows", train.size())
                .add("test_rows", test.size())
                .add("train_s", trainSeconds, 1)
                .add("classifier_bytes", written.length);

        byte[] shipped = shippedClassifier(settings);
        boolean same = Arrays.equals(shipped, written);
        out.printf(
                "%nthe classifier shipped in the topology (%s, %d bytes) %s the one trained here%n",
                settings.classifier(), shipped.length, same ? "is byte for byte" : "DIFFERS FROM");
        result.add("shipped_matches_training", same ? 1 : 0);
        if (!same && shipped.length > 0) {
            ClassificationReport shippedReport = evaluate(
                    "the shipped classifier",
                    CategoryClassifier.readFrom(new ByteArrayInputStream(shipped)),
                    test,
                    testVectors);
            result.add("shipped_accuracy", shippedReport.accuracy(), 4);
        }
        if (shipped.length > 0) {
            measureStartUp(settings, result);
        }

        if (options.exportTo() != null) {
            Files.write(options.exportTo(), written);
            out.printf("wrote %s (%d bytes)%n", options.exportTo(), written.length);
        }
        return result;
    }

    private ClassificationReport evaluate(
            String what, CategoryClassifier classifier, List<LabelledText> test, float[][] testVectors) {
        CategoryClassifier configured = classifier.restrictedTo(ModelSettings.DEFAULT_CATEGORIES);
        long started = System.nanoTime();
        List<String> predicted = IntStream.range(0, test.size())
                .parallel()
                .mapToObj(i -> configured.classify(test.get(i).text(), testVectors[i]))
                .map(CategoryPrediction::category)
                .toList();
        double millisEach = (System.nanoTime() - started) / 1e6 / test.size();
        ClassificationReport report = ClassificationReport.of(
                test.stream().map(LabelledText::category).toList(), predicted);
        out.printf("%nclassified %d test rows with %s (%.3f ms each, all threads):%n", test.size(), what, millisEach);
        report.print(out);
        return report;
    }

    /**
     * What the shipped classifier adds to start-up: reading it alone, and creating the whole local model (the
     * embedding model, the classifier, rules and playbook) as the topology does.
     */
    private void measureStartUp(LocalModelSettings settings, ResultLine result) throws IOException {
        long started = System.nanoTime();
        CategoryClassifier loaded;
        try (InputStream in = resource(settings.classifier())) {
            loaded = CategoryClassifier.readFrom(in);
        }
        double loadMillis = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        try (LocalModels models = LocalModels.create(settings, ModelSettings.DEFAULT_CATEGORIES)) {
            double createMillis = (System.nanoTime() - started) / 1e6;
            out.printf(
                    "start-up: reading the shipped classifier (%d terms) %.0f ms; creating the local models %.0f ms%n",
                    loaded.vocabularySize(), loadMillis, createMillis);
            result.add("classifier_load_ms", loadMillis, 0).add("local_models_create_ms", createMillis, 0);
        }
    }

    private List<LabelledText> read(String file) throws IOException {
        Path path = options.dataDir().resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException(path + " not found: category-accuracy needs the IT-ticket data (see "
                    + "../shared/data/README.md), or its folder as the first argument");
        }
        List<LabelledText> rows = LabelledText.readCsv(path);
        out.printf("read %d rows from %s%n", rows.size(), path);
        return rows;
    }

    private static List<String> texts(List<LabelledText> rows) {
        return rows.stream().map(LabelledText::text).toList();
    }

    private static byte[] bytesOf(CategoryClassifier classifier) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        classifier.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** The classifier in the topology jar; empty when there is none. */
    private static byte[] shippedClassifier(LocalModelSettings settings) throws IOException {
        try (InputStream in = resource(settings.classifier())) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        return CategoryAccuracyBenchmark.class.getClassLoader().getResourceAsStream(name);
    }
}
