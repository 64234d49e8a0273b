package io.ticketflow.topology.ai.local;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * TF-IDF features of texts: words and pairs of adjacent words (lower-cased, split at anything but letters and
 * digits) that occur in at least {@code minDocuments} training texts, weighted {@code (1 + ln tf) × idf} with
 * {@code idf = ln((1 + n) / (1 + df)) + 1}, the vector scaled to length 1. Optionally followed by an embedding, so a
 * linear model sees both the words and the meaning. Immutable and thread-safe once fitted.
 */
final class TermWeights {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Integer> index;
    private final float[] idf;

    private TermWeights(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Learns the vocabulary and document frequencies of {@code texts}. */
    static TermWeights fit(List<String> texts, int minDocuments) {
        Map<String, Integer> documentFrequency = new TreeMap<>();
        for (String text : texts) {
            for (String term : new HashSet<>(terms(text))) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Float> idf = new ArrayList<>();
        documentFrequency.forEach((term, df) -> {
            if (df >= minDocuments) {
                index.put(term, index.size());
                idf.add((float) (Math.log((1.0 + texts.size()) / (1.0 + df)) + 1));
            }
        });
        float[] weights = new float[idf.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = idf.get(i);
        }
        return new TermWeights(index, weights);
    }

    /** Writes the vocabulary in index order, each term with its IDF. */
    void writeTo(DataOutput out) throws IOException {
        String[] terms = new String[idf.length];
        index.forEach((term, i) -> terms[i] = term);
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
    }

    /** Reads a vocabulary written by {@link #writeTo}. */
    static TermWeights readFrom(DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("a vocabulary cannot have " + size + " terms");
        }
        Map<String, Integer> index = HashMap.newHashMap(size);
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            if (index.put(in.readUTF(), i) != null) {
                throw new IOException("the vocabulary repeats a term at " + i);
            }
            idf[i] = in.readFloat();
        }
        return new TermWeights(index, idf);
    }

    /** Terms in the vocabulary. */
    int vocabularySize() {
        return idf.length;
    }

    /**
     * The features of {@code text}: its TF-IDF vector, then {@code embedding} (if not {@code null}) at indexes from
     * {@link #vocabularySize()} on.
     */
    SparseFeatures features(String text, float[] embedding) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String term : terms(text)) {
            Integer i = index.get(term);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        int size = counts.size() + (embedding == null ? 0 : embedding.length);
        int[] indexes = new int[size];
        float[] values = new float[size];
        int n = 0;
        double norm = 0;
        for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
            indexes[n] = count.getKey();
            values[n] = (float) ((1 + Math.log(count.getValue())) * idf[count.getKey()]);
            norm += values[n] * values[n];
            n++;
        }
        for (int i = 0; i < n; i++) {
            values[i] /= (float) Math.sqrt(norm);
        }
        if (embedding != null) {
            for (int d = 0; d < embedding.length; d++, n++) {
                indexes[n] = idf.length + d;
                values[n] = embedding[d];
            }
        }
        return new SparseFeatures(indexes, values);
    }

    /** Words and adjacent word pairs, in order. */
    static List<String> terms(String text) {
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT).strip());
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            terms.add(words[i]);
            if (i + 1 < words.length && !words[i + 1].isEmpty()) {
                terms.add(words[i] + ' ' + words[i + 1]);
            }
        }
        return terms;
    }
}
