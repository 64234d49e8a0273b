package io.ticketflow.topology.ai.local;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * Runs the quantised all-MiniLM-L6-v2 sentence-embedding model (ONNX, shipped inside the langchain4j artifact) on the
 * calling thread, and makes one vector of a text of any length.
 *
 * <p>The model sees at most 128 word pieces (about 60 words); the rest of a longer input would be cut silently. So a
 * text is split into pieces of {@code chunkWords} words, at most {@code maxChunks} of them are embedded, and their
 * vectors are averaged weighted by word count, then L2-normalised. Thread-safe: the ONNX session is shared and safe
 * for concurrent runs; callers bound the concurrency.
 */
final class SentenceEncoder {

    static final String MODEL_ID = LocalEmbeddingModel.MODEL_ID;

    static final int DIMENSIONS = 384;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final TextChunks chunks;

    /**
     * Loads the model from the class path (about a second, once per JVM).
     *
     * @param chunks how a text is split into pieces the model sees whole
     */
    SentenceEncoder(TextChunks chunks) {
        // A direct executor: several pieces of one text run one after the other on the calling thread, so the
        // inference pool's size is the only bound on concurrent inference.
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        this.chunks = chunks;
    }

    /**
     * Embeds {@code text}.
     *
     * @param text non-blank text
     * @return the L2-normalised vector of {@link #DIMENSIONS} components and the word pieces the model read
     * @throws IllegalArgumentException when {@code text} has no words
     */
    Encoded encode(String text) {
        List<String> pieces = chunks.split(text);
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("nothing to embed: the text has no words");
        }
        Response<List<dev.langchain4j.data.embedding.Embedding>> response =
                model.embedAll(pieces.stream().map(TextSegment::from).toList());
        Integer tokens =
                response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
        return new Encoded(pool(pieces, response.content()), tokens == null ? estimateTokens(text) : tokens);
    }

    /** The pieces' vectors averaged, weighted by their word counts, and L2-normalised. */
    private static float[] pool(List<String> pieces, List<dev.langchain4j.data.embedding.Embedding> embeddings) {
        if (pieces.size() == 1) {
            // Weighting a single vector would only add rounding noise.
            return Vectors.normalise(embeddings.getFirst().vector().clone());
        }
        float[] pooled = new float[DIMENSIONS];
        for (int i = 0; i < pieces.size(); i++) {
            float weight = TextChunks.wordCount(pieces.get(i));
            float[] vector = embeddings.get(i).vector();
            for (int d = 0; d < DIMENSIONS; d++) {
                pooled[d] += weight * vector[d];
            }
        }
        return Vectors.normalise(pooled);
    }

    /**
     * Estimates the word pieces {@link #encode} will read: about four pieces per three words of the embedded part,
     * plus the start and end markers of each piece.
     */
    long estimateTokens(String text) {
        List<String> pieces = chunks.split(text);
        long estimate = 0;
        for (String piece : pieces) {
            estimate += (TextChunks.wordCount(piece) * 4L + 2) / 3 + 2;
        }
        return estimate;
    }

    /**
     * An embedded text.
     *
     * @param vector L2-normalised
     * @param tokens word pieces the model read
     */
    record Encoded(float[] vector, long tokens) {}
}
