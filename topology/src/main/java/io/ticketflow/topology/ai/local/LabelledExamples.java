package io.ticketflow.topology.ai.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Embeddings of tickets whose category is known: what the nearest-neighbour classifier compares a new ticket with.
 *
 * <p>Stored compactly: each vector as one byte per component scaled by its largest component (about 390 bytes an
 * example, cosine error below 0.001), in the format {@link #writeTo} writes and {@link #readFrom} reads. Immutable
 * and thread-safe once built.
 */
public final class LabelledExamples {

    private static final int MAGIC = 0x54464558; // "TFEX"
    private static final int VERSION = 1;

    private final String embeddingModel;
    private final int dimensions;
    private final List<String> categories;
    private final int[] labels;
    private final float[] vectors;

    private LabelledExamples(
            String embeddingModel, int dimensions, List<String> categories, int[] labels, float[] vectors) {
        this.embeddingModel = embeddingModel;
        this.dimensions = dimensions;
        this.categories = List.copyOf(categories);
        this.labels = labels;
        this.vectors = vectors;
    }

    /** Starts an example set of vectors made by {@code embeddingModel}, each {@code dimensions} long. */
    public static Builder builder(String embeddingModel, int dimensions) {
        return new Builder(embeddingModel, dimensions);
    }

    /** The id of the embedding model that made the vectors; new tickets must be embedded by the same model. */
    public String embeddingModel() {
        return embeddingModel;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The distinct labels, sorted. */
    public List<String> categories() {
        return categories;
    }

    public int size() {
        return labels.length;
    }

    /** The category of example {@code i}, as an index into {@link #categories()}. */
    int label(int i) {
        return labels[i];
    }

    /** All vectors back to back: example {@code i} starts at {@code i * dimensions}. Read-only. */
    float[] vectors() {
        return vectors;
    }

    /** Writes the set in the compact binary form; does not close {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(embeddingModel);
        data.writeInt(dimensions);
        data.writeInt(categories.size());
        for (String category : categories) {
            data.writeUTF(category);
        }
        data.writeInt(labels.length);
        byte[] quantised = new byte[dimensions];
        for (int i = 0; i < labels.length; i++) {
            data.writeShort(labels[i]);
            float max = 0;
            for (int d = 0; d < dimensions; d++) {
                max = Math.max(max, Math.abs(vectors[i * dimensions + d]));
            }
            float scale = max == 0 ? 1 : 127 / max;
            for (int d = 0; d < dimensions; d++) {
                quantised[d] = (byte) Math.round(vectors[i * dimensions + d] * scale);
            }
            data.writeFloat(scale);
            data.write(quantised);
        }
        data.flush();
    }

    /**
     * Reads a set written by {@link #writeTo}; does not close {@code in}.
     *
     * @throws IOException when {@code in} fails or does not hold an example set
     */
    public static LabelledExamples readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException("not a ticketflow example set (version " + VERSION + ")");
        }
        String model = data.readUTF();
        int dimensions = data.readInt();
        int categoryCount = data.readInt();
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < categoryCount; c++) {
            categories.add(data.readUTF());
        }
        int count = data.readInt();
        int[] labels = new int[count];
        float[] vectors = new float[count * dimensions];
        byte[] quantised = new byte[dimensions];
        for (int i = 0; i < count; i++) {
            labels[i] = data.readShort();
            if (labels[i] < 0 || labels[i] >= categoryCount) {
                throw new IOException("example " + i + " has an unknown category index " + labels[i]);
            }
            float scale = data.readFloat();
            data.readFully(quantised);
            float[] vector = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                vector[d] = quantised[d] / scale;
            }
            System.arraycopy(Vectors.normalise(vector), 0, vectors, i * dimensions, dimensions);
        }
        return new LabelledExamples(model, dimensions, categories, labels, vectors);
    }

    /** Collects examples; not thread-safe. */
    public static final class Builder {
        private final String embeddingModel;
        private final int dimensions;
        private final List<String> labels = new ArrayList<>();
        private final List<float[]> vectors = new ArrayList<>();

        private Builder(String embeddingModel, int dimensions) {
            if (embeddingModel == null || embeddingModel.isBlank() || dimensions < 1) {
                throw new IllegalArgumentException("an example set needs a model id and a positive dimension");
            }
            this.embeddingModel = embeddingModel;
            this.dimensions = dimensions;
        }

        /**
         * Adds an example.
         *
         * @param category its non-blank label
         * @param vector its L2-normalised embedding, {@code dimensions} long; copied
         */
        public Builder add(String category, float[] vector) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("an example needs a category");
            }
            if (vector.length != dimensions) {
                throw new IllegalArgumentException(
                        "an example vector has " + vector.length + " components, expected " + dimensions);
            }
            labels.add(category);
            vectors.add(vector.clone());
            return this;
        }

        /** The example set; at least one example is needed. */
        public LabelledExamples build() {
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("an example set needs at least one example");
            }
            Map<String, Integer> index = new TreeMap<>();
            labels.forEach(label -> index.put(label, 0));
            List<String> categories = new ArrayList<>(index.keySet());
            for (int c = 0; c < categories.size(); c++) {
                index.put(categories.get(c), c);
            }
            int[] labelIndexes = labels.stream().mapToInt(index::get).toArray();
            float[] flat = new float[labels.size() * dimensions];
            for (int i = 0; i < vectors.size(); i++) {
                System.arraycopy(vectors.get(i), 0, flat, i * dimensions, dimensions);
            }
            return new LabelledExamples(embeddingModel, dimensions, categories, labelIndexes, flat);
        }
    }

    @Override
    public String toString() {
        int[] counts = new int[categories.size()];
        Arrays.stream(labels).forEach(label -> counts[label]++);
        StringBuilder text = new StringBuilder(size() + " examples of " + embeddingModel + ":");
        for (int c = 0; c < counts.length; c++) {
            text.append(' ').append(categories.get(c)).append('=').append(counts[c]);
        }
        return text.toString();
    }
}
