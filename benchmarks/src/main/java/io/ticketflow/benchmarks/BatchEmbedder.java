package io.ticketflow.benchmarks;

import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Embeds many texts through the {@link EmbeddingModel} port, as the pipeline would: at most {@code inFlight} calls
 * outstanding, each text once, cached texts not at all. Not thread-safe; one batch at a time.
 */
public final class BatchEmbedder {

    private final EmbeddingModel model;
    private final int inFlight;
    private final PrintStream progress;

    /**
     * @param model the model to call
     * @param inFlight calls outstanding at once; enough to keep every inference thread busy
     * @param progress where to report progress of long batches
     */
    public BatchEmbedder(EmbeddingModel model, int inFlight, PrintStream progress) {
        this.model = model;
        this.inFlight = inFlight;
        this.progress = progress;
    }

    /**
     * The vectors of {@code texts}, in order, taken from {@code cache} or computed and added to it.
     *
     * @param label names the batch in progress lines
     * @return the vectors and how many were computed, and in what time
     * @throws IllegalStateException when a call failed
     */
    public Batch embed(String label, List<String> texts, EmbeddingCache cache) throws InterruptedException {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (cache.get(text) == null) {
                missing.add(text);
            }
        }
        progress.printf("%s: %d texts, %d distinct not cached yet%n", label, texts.size(), missing.size());
        long started = System.nanoTime();
        embedAll(label, List.copyOf(missing), cache::put);
        long nanos = System.nanoTime() - started;
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = cache.get(texts.get(i));
        }
        return new Batch(vectors, missing.size(), nanos);
    }

    /**
     * Embeds {@code texts} without the cache and returns the texts per second: the throughput of the model on this
     * machine at this concurrency.
     */
    public double throughput(List<String> texts) throws InterruptedException {
        long started = System.nanoTime();
        embedAll("throughput", texts, (text, vector) -> {});
        return texts.size() / ((System.nanoTime() - started) / 1e9);
    }

    /** Embeds {@code texts}, handing each vector to {@code onVector} on an inference thread as it comes. */
    private void embedAll(String label, List<String> texts, BiConsumer<String, float[]> onVector)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        CompletableFuture<?>[] calls = new CompletableFuture<?>[texts.size()];
        int reportEvery = Math.max(1000, texts.size() / 10);
        for (int i = 0; i < texts.size(); i++) {
            permits.acquire();
            String text = texts.get(i);
            calls[i] = model.embed(new EmbeddingRequest("benchmark-" + i, text))
                    .toCompletableFuture()
                    .whenComplete((embedding, failure) -> {
                        permits.release();
                        if (embedding != null) {
                            onVector.accept(text, embedding.vector());
                        }
                    });
            if (i > 0 && i % reportEvery == 0) {
                progress.printf("%s: %d of %d embedded%n", label, i, texts.size());
            }
        }
        try {
            CompletableFuture.allOf(calls).join();
        } catch (RuntimeException e) {
            throw new IllegalStateException(label + ": an embedding call failed", e);
        }
    }

    /**
     * Vectors of a batch.
     *
     * @param vectors one per input text, in order
     * @param computed how many distinct texts were embedded now rather than read from the cache
     * @param computeNanos how long embedding them took
     */
    public record Batch(float[][] vectors, int computed, long computeNanos) {}
}
