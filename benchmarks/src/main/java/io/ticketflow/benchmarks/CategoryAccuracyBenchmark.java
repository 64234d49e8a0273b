package io.ticketflow.benchmarks;

import io.ticketflow.topology.ai.local.CategoryVote;
import io.ticketflow.topology.ai.local.LabelledExamples;
import io.ticketflow.topology.ai.local.LocalEmbeddingModel;
import io.ticketflow.topology.ai.local.LocalModels;
import io.ticketflow.topology.ai.local.NearestNeighbourClassifier;
import io.ticketflow.topology.config.LocalModelSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * {@code benchmarks/run category-accuracy [DATA_DIR] [options]}: how well the {@code local} triage model's classifier
 * finds the category of real IT tickets, and how fast the local embedding model embeds them on this machine.
 *
 * <p>Embeds every row of {@code DATA_DIR/train.csv} and {@code DATA_DIR/test.csv} (default
 * {@code ../shared/data/it-tickets} beside the project) through the {@code EmbeddingModel} port, caching vectors under
 * {@code benchmarks/target/embedding-cache}; uses the training rows as the labelled examples of a
 * {@link NearestNeighbourClassifier} configured like the local model; and reports accuracy, macro-F1 and per-class
 * F1 on every test row. It also measures the accuracy of the example set shipped with the topology, and can export a
 * smaller example set for shipping. CategoryAccuracyOptions: see {@link CategoryAccuracyOptions}.
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
                "local model: %d threads, chunks of %d words (at most %d), k=%d, %s weighting (temperature %s)%n",
                settings.threads(),
                settings.chunkWords(),
                settings.maxChunks(),
                settings.neighbours(),
                settings.weighting(),
                settings.temperature());

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

        LabelledExamples examples = examples(train, trainVectors, train.size());
        ClassificationReport report = evaluate("all " + train.size() + " training rows", examples, test, testVectors);
        ResultLine result = new ResultLine(NAME)
                .add("accuracy", report.accuracy(), 4)
                .add("macro_f1", report.macroF1(), 4)
                .add("weighted_f1", report.weightedF1(), 4)
                .add("embeddings_per_s", embeddingsPerSecond, 1)
                .add("k", settings.neighbours())
                .add("train_rows", train.size())
                .add("test_rows", test.size());

        LabelledExamples shipped = shippedExamples(settings);
        if (shipped != null) {
            ClassificationReport shippedReport =
                    evaluate("the shipped example set (" + shipped.size() + ")", shipped, test, testVectors);
            result.add("shipped_examples", shipped.size()).add("shipped_accuracy", shippedReport.accuracy(), 4);
        }
        if (options.compare()) {
            compare(train, trainVectors, test, testVectors, result);
        }
        if (options.exportTo() != null) {
            LabelledExamples subset = subset(train, trainVectors, options.exportSize());
            try (OutputStream file = Files.newOutputStream(options.exportTo())) {
                subset.writeTo(file);
            }
            out.printf("wrote %s (%d bytes): %s%n", options.exportTo(), Files.size(options.exportTo()), subset);
            evaluate("the exported example set (" + subset.size() + ")", subset, test, testVectors);
        }
        return result;
    }

    private ClassificationReport evaluate(
            String what, LabelledExamples examples, List<LabelledText> test, float[][] testVectors) {
        NearestNeighbourClassifier classifier = LocalModels.classifier(options.settings(), examples);
        long started = System.nanoTime();
        List<String> predicted = IntStream.range(0, test.size())
                .parallel()
                .mapToObj(i -> classifier.classify(testVectors[i]))
                .map(CategoryVote::category)
                .toList();
        double millisEach = (System.nanoTime() - started) / 1e6 / test.size();
        ClassificationReport report = ClassificationReport.of(
                test.stream().map(LabelledText::category).toList(), predicted);
        out.printf("%nclassified %d test rows with %s (%.2f ms each, all threads):%n", test.size(), what, millisEach);
        report.print(out);
        return report;
    }

    /**
     * Measures classifiers the local model does not use, on the same embeddings: the nearest class centroid, and
     * softmax regression on TF-IDF word features alone and together with the embedding.
     */
    private void compare(
            List<LabelledText> train,
            float[][] trainVectors,
            List<LabelledText> test,
            float[][] testVectors,
            ResultLine result) {
        LabelledExamples centroids = centroids(train, trainVectors);
        NearestNeighbourClassifier nearestCentroid =
                new NearestNeighbourClassifier(centroids, 1, NearestNeighbourClassifier.Weighting.UNIFORM, 1);
        List<String> actual = test.stream().map(LabelledText::category).toList();
        ClassificationReport centroid = ClassificationReport.of(
                actual,
                IntStream.range(0, test.size())
                        .mapToObj(i -> nearestCentroid.classify(testVectors[i]).category())
                        .toList());

        List<String> categories = centroids.categories();
        int[] labels = train.stream()
                .mapToInt(row -> categories.indexOf(row.category()))
                .toArray();
        TermWeights terms = TermWeights.fit(texts(train), 2);
        ClassificationReport words = linear(terms, train, null, labels, test, null, categories);
        ClassificationReport wordsAndMeaning =
                linear(terms, train, trainVectors, labels, test, testVectors, categories);

        out.printf("%ncomparison on the same split (%d TF-IDF terms):%n", terms.vocabularySize());
        out.printf("%-40s %8s %8s%n", "classifier", "accuracy", "macro-F1");
        out.printf("%-40s %8.4f %8.4f%n", "nearest class centroid (MiniLM)", centroid.accuracy(), centroid.macroF1());
        out.printf("%-40s %8.4f %8.4f%n", "softmax regression, TF-IDF", words.accuracy(), words.macroF1());
        out.printf(
                "%-40s %8.4f %8.4f%n",
                "softmax regression, TF-IDF + MiniLM", wordsAndMeaning.accuracy(), wordsAndMeaning.macroF1());
        result.add("centroid_accuracy", centroid.accuracy(), 4)
                .add("tfidf_softmax_accuracy", words.accuracy(), 4)
                .add("tfidf_minilm_softmax_accuracy", wordsAndMeaning.accuracy(), 4)
                .add("tfidf_minilm_softmax_macro_f1", wordsAndMeaning.macroF1(), 4);
    }

    /** Trains softmax regression on {@code train} (3 epochs, step 0.3) and scores it on {@code test}. */
    private static ClassificationReport linear(
            TermWeights terms,
            List<LabelledText> train,
            float[][] trainVectors,
            int[] labels,
            List<LabelledText> test,
            float[][] testVectors,
            List<String> categories) {
        int features = terms.vocabularySize() + (trainVectors == null ? 0 : trainVectors[0].length);
        List<SparseFeatures> rows = IntStream.range(0, train.size())
                .mapToObj(i -> terms.features(train.get(i).text(), trainVectors == null ? null : trainVectors[i]))
                .toList();
        SoftmaxRegression model = SoftmaxRegression.train(rows, labels, categories.size(), features, 3, 0.3);
        List<String> predicted = IntStream.range(0, test.size())
                .mapToObj(i -> categories.get(
                        model.predict(terms.features(test.get(i).text(), testVectors == null ? null : testVectors[i]))))
                .toList();
        return ClassificationReport.of(test.stream().map(LabelledText::category).toList(), predicted);
    }

    /** One example per category: the normalised mean of its training vectors. */
    private static LabelledExamples centroids(List<LabelledText> rows, float[][] vectors) {
        Map<String, float[]> sums = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            float[] sum = sums.computeIfAbsent(rows.get(i).category(), c -> new float[vectors[0].length]);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vectors[i][d];
            }
        }
        LabelledExamples.Builder builder = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, vectors[0].length);
        sums.forEach((category, sum) -> {
            double norm = 0;
            for (float v : sum) {
                norm += v * v;
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= (float) Math.sqrt(norm);
            }
            builder.add(category, sum);
        });
        return builder.build();
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

    private static LabelledExamples examples(List<LabelledText> rows, float[][] vectors, int count) {
        LabelledExamples.Builder builder = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, vectors[0].length);
        for (int i = 0; i < count; i++) {
            builder.add(rows.get(i).category(), vectors[i]);
        }
        return builder.build();
    }

    /**
     * {@code size} training rows picked by a fixed shuffle, so that the same data always gives the same set. A plain
     * random sample keeps the categories' shares: a set balanced per category measured far worse (its neighbours
     * over-vote the rare categories).
     */
    private static LabelledExamples subset(List<LabelledText> rows, float[][] vectors, int size) {
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
        Collections.shuffle(order, new Random(20261123L));
        LabelledExamples.Builder builder = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, vectors[0].length);
        for (int i : order.subList(0, Math.min(size, order.size()))) {
            builder.add(rows.get(i).category(), vectors[i]);
        }
        return builder.build();
    }

    private static LabelledExamples shippedExamples(LocalModelSettings settings) throws IOException {
        try (InputStream in =
                CategoryAccuracyBenchmark.class.getClassLoader().getResourceAsStream(settings.examples())) {
            return in == null ? null : LabelledExamples.readFrom(in);
        }
    }
}
