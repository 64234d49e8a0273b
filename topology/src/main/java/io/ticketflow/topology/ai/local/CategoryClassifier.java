package io.ticketflow.topology.ai.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gives a ticket a category learnt from labelled tickets: softmax regression (multinomial logistic regression) over
 * the ticket's words — TF-IDF of words and adjacent word pairs ({@link TermWeights}) — together with its sentence
 * embedding. The words catch the vocabulary a category is written in (product names, "laptop", "invoice"); the
 * embedding catches the meaning when the words differ.
 *
 * <p>Why not the nearest neighbours of the embedding, as first planned: on the public IT-ticket data the best
 * neighbour vote reached 0.8458 category accuracy with all 38,269 training rows as examples (14.7 MB of vectors to
 * ship, 23 ms of CPU per ticket), 0.8190 with the 8,000 rows the jar could carry; this model reaches the goal of
 * 0.85 with weights of a few megabytes and a fraction of a millisecond per ticket (figures in the benchmarks README).
 *
 * <p>Confidence is the margin between the two most probable categories' probabilities, in [0, 1], the counterpart of
 * a neighbour vote's margin. {@link #train} is deterministic: the same rows in the same order give the same weights,
 * and {@link #writeTo} / {@link #readFrom} round-trip them exactly, so a shipped classifier answers as the one
 * measured. Immutable and thread-safe.
 */
public final class CategoryClassifier {

    /** Terms must occur in at least this many training texts: rarer ones are mostly typos and ids. */
    static final int MIN_DOCUMENTS = 2;
    /** Passes over the training rows, and AdaGrad's base step: the benchmark's choice, see the benchmarks README. */
    static final int EPOCHS = 3;

    static final double LEARNING_RATE = 0.3;

    private static final int MAGIC = 0x5446434d; // "TFCM"
    private static final int VERSION = 1;

    private final String embeddingModel;
    private final int dimensions;
    private final List<String> categories;
    private final TermWeights terms;
    private final SoftmaxRegression regression;
    private final boolean[] answerable;

    private CategoryClassifier(
            String embeddingModel,
            int dimensions,
            List<String> categories,
            TermWeights terms,
            SoftmaxRegression regression,
            boolean[] answerable) {
        this.embeddingModel = embeddingModel;
        this.dimensions = dimensions;
        this.categories = List.copyOf(categories);
        this.terms = terms;
        this.regression = regression;
        this.answerable = answerable;
    }

    /**
     * Learns a classifier from labelled tickets.
     *
     * @param embeddingModel the id of the model that embedded the texts; tickets must later be embedded by it
     * @param texts the tickets' texts
     * @param labels each text's category, non-blank
     * @param vectors each text's embedding, all of one length
     * @throws IllegalArgumentException when the lists differ in length, are empty, or a label is blank
     */
    public static CategoryClassifier train(
            String embeddingModel, List<String> texts, List<String> labels, List<float[]> vectors) {
        if (texts.isEmpty() || texts.size() != labels.size() || texts.size() != vectors.size()) {
            throw new IllegalArgumentException("training needs as many labels and vectors as texts, and at least one; "
                    + "got " + texts.size() + " texts, " + labels.size() + " labels, " + vectors.size() + " vectors");
        }
        if (labels.stream().anyMatch(label -> label == null || label.isBlank())) {
            throw new IllegalArgumentException("every training text needs a category");
        }
        int dimensions = vectors.getFirst().length;
        List<String> categories = new ArrayList<>(new TreeSet<>(labels));
        TermWeights terms = TermWeights.fit(texts, MIN_DOCUMENTS);
        List<SparseFeatures> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (vectors.get(i).length != dimensions) {
                throw new IllegalArgumentException(
                        "vector " + i + " has " + vectors.get(i).length + " components, the first " + dimensions);
            }
            rows.add(terms.features(texts.get(i), vectors.get(i)));
        }
        int[] classes = labels.stream().mapToInt(categories::indexOf).toArray();
        SoftmaxRegression regression = SoftmaxRegression.train(
                rows, classes, categories.size(), terms.vocabularySize() + dimensions, EPOCHS, LEARNING_RATE);
        return new CategoryClassifier(embeddingModel, dimensions, categories, terms, regression, all(categories));
    }

    /** The id of the embedding model whose vectors this classifier reads. */
    public String embeddingModel() {
        return embeddingModel;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The categories it was trained on, sorted; it answers only those of {@link #restrictedTo}, when restricted. */
    public List<String> categories() {
        return categories;
    }

    /** Terms in its vocabulary. */
    public int vocabularySize() {
        return terms.vocabularySize();
    }

    /**
     * This classifier answering only {@code allowed} categories: the others' probability is shared out among them.
     *
     * @throws IllegalArgumentException naming the categories it was not trained on, when {@code allowed} has any
     */
    public CategoryClassifier restrictedTo(Collection<String> allowed) {
        List<String> unknown =
                allowed.stream().filter(c -> !categories.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no training examples for categories " + unknown + "; the classifier"
                    + " knows " + categories + " and can answer any non-empty subset of them");
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a classifier must be allowed at least one category");
        }
        boolean[] mask = new boolean[categories.size()];
        for (int c = 0; c < mask.length; c++) {
            mask[c] = allowed.contains(categories.get(c));
        }
        return new CategoryClassifier(embeddingModel, dimensions, categories, terms, regression, mask);
    }

    /**
     * Classifies a ticket.
     *
     * @param text its text, as the training texts were written (title, then description)
     * @param vector its L2-normalised embedding by {@link #embeddingModel()}
     * @throws IllegalArgumentException when the vector's length does not match the classifier's
     */
    public CategoryPrediction classify(String text, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException(
                    "the vector has " + vector.length + " components, the classifier reads " + dimensions);
        }
        double[] probabilities = regression.probabilities(terms.features(text, vector));
        double total = 0;
        int best = -1;
        int second = -1;
        for (int c = 0; c < probabilities.length; c++) {
            if (!answerable[c]) {
                continue;
            }
            total += probabilities[c];
            if (best < 0 || probabilities[c] > probabilities[best]) {
                second = best;
                best = c;
            } else if (second < 0 || probabilities[c] > probabilities[second]) {
                second = c;
            }
        }
        double margin = probabilities[best] - (second < 0 ? 0 : probabilities[second]);
        return new CategoryPrediction(
                categories.get(best), Math.min(1, probabilities[best] / total), Math.clamp(margin / total, 0, 1));
    }

    /** Writes the classifier, gzipped; does not close {@code out}. The same classifier always gives the same bytes. */
    public void writeTo(OutputStream out) throws IOException {
        GZIPOutputStream zipped = new GZIPOutputStream(nonClosing(out));
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zipped));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(embeddingModel);
        data.writeInt(dimensions);
        data.writeInt(categories.size());
        for (String category : categories) {
            data.writeUTF(category);
        }
        terms.writeTo(data);
        regression.writeTo(data);
        data.close(); // finishes the gzip stream; out stays open
    }

    /**
     * Reads a classifier written by {@link #writeTo}; does not close {@code in}.
     *
     * @throws IOException when {@code in} fails or does not hold a classifier
     */
    public static CategoryClassifier readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException("not a ticketflow category classifier (version " + VERSION + ")");
        }
        String embeddingModel = data.readUTF();
        int dimensions = data.readInt();
        int count = data.readInt();
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            categories.add(data.readUTF());
        }
        TermWeights terms = TermWeights.readFrom(data);
        SoftmaxRegression regression = SoftmaxRegression.readFrom(data);
        if (regression.classes() != count || regression.features() != terms.vocabularySize() + dimensions) {
            throw new IOException("the weights (" + regression.classes() + " classes × " + regression.features()
                    + " features) do not fit " + count + " categories, " + terms.vocabularySize() + " terms and "
                    + dimensions + " dimensions");
        }
        return new CategoryClassifier(embeddingModel, dimensions, categories, terms, regression, all(categories));
    }

    private static boolean[] all(List<String> categories) {
        boolean[] mask = new boolean[categories.size()];
        Arrays.fill(mask, true);
        return mask;
    }

    private static OutputStream nonClosing(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
