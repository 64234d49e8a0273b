package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.config.LocalModelSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalEmbeddingModelTest {

    private static LocalEmbeddingModel model;

    @BeforeAll
    static void loadModel() {
        model = LocalEmbeddingModel.create(settings(2, 48, 8));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void shouldGiveTheSameUnitVectorForTheSameText() {
        float[] first = embed(model, "Laptop screen flickers after the docking station update");
        float[] second = embed(model, "Laptop screen flickers after the docking station update");

        assertThat(first).hasSize(384).containsExactly(second);
        assertThat(dot(first, first)).isCloseTo(1f, within(1e-5f));
        assertThat(model.dimensions()).isEqualTo(384);
    }

    @Test
    void shouldScoreSimilarTicketsHigherThanUnrelatedOnes() {
        float[] ticket = embed(model, "Outlook keeps asking for my password and will not sync my mailbox");
        float[] paraphrase = embed(model, "Outlook prompts for credentials again and again, email does not sync");
        float[] unrelated = embed(model, "Please order two ergonomic office chairs for the new starters");

        float similar = dot(ticket, paraphrase);
        float different = dot(ticket, unrelated);

        assertThat(similar).isGreaterThan(0.6f);
        assertThat(similar - different).isGreaterThan(0.4f);
    }

    @Test
    void shouldSeeWordsBeyondTheModelWindowByEmbeddingPieces() {
        String start = IntStream.range(0, 150).mapToObj(i -> "printer").collect(Collectors.joining(" "));
        String aboutNetwork = start + " the office network switch lost power and the wifi is gone";
        String aboutPayroll = start + " my payslip shows the wrong tax code for this month";

        try (LocalEmbeddingModel whole = LocalEmbeddingModel.create(settings(1, 500, 1))) {
            // Given the whole text as one piece, the model reads 128 word pieces and never sees the endings.
            assertThat(embed(whole, aboutNetwork)).containsExactly(embed(whole, aboutPayroll));
        }
        // In 48-word pieces the last piece holds the endings, and they move the averaged vector.
        assertThat(dot(embed(model, aboutNetwork), embed(model, aboutPayroll))).isLessThan(0.999f);
    }

    @Test
    void shouldReturnAtOnceAndCompleteOnAnInferenceThread() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalEmbeddingModel oneThread = LocalEmbeddingModel.create(settings(1, 48, 8))) {
            // Occupy the only inference thread, so the call below cannot have finished when embed returns.
            oneThread.pool().submit(() -> awaitQuietly(release));
            AtomicReference<String> completedOn = new AtomicReference<>();

            CompletableFuture<Embedding> call = oneThread
                    .embed(new EmbeddingRequest("T-1", "VPN disconnects every five minutes"))
                    .toCompletableFuture();
            CompletableFuture<Void> observed =
                    call.thenRun(() -> completedOn.set(Thread.currentThread().getName()));

            assertThat(call).isNotDone();
            release.countDown();
            observed.join();
            assertThat(completedOn.get()).startsWith("ticketflow-local-model-");
        }
    }

    static boolean awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void shouldReportTheWordPiecesItRead() {
        Embedding embedding = model.embed(new EmbeddingRequest("T-1", "printer jammed on floor three"))
                .toCompletableFuture()
                .join();

        assertThat(embedding.model()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        assertThat(embedding.usage().inputTokens()).isBetween(5L, 20L);
        assertThat(model.estimatedTokens(new EmbeddingRequest("T-1", "printer jammed on floor three")))
                .isBetween(5L, 20L);
    }

    @Test
    void shouldRejectTextWithoutWordsAndNeverRetryIt() {
        var stage = model.embed(new EmbeddingRequest("T-1", " \n\t "));

        assertThatThrownBy(() -> stage.toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.REJECTED);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void shouldFailAsThrottledOnceClosed() {
        LocalEmbeddingModel closed = LocalEmbeddingModel.create(settings(1, 48, 8));
        closed.close();

        var stage = closed.embed(new EmbeddingRequest("T-1", "monitor is blank"));

        assertThatThrownBy(() -> stage.toCompletableFuture().join())
                .cause()
                .isInstanceOfSatisfying(
                        ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.THROTTLED));
    }

    static float[] embed(LocalEmbeddingModel model, String text) {
        return model.embed(new EmbeddingRequest("T-1", text))
                .toCompletableFuture()
                .join()
                .vector();
    }

    private static LocalModelSettings settings(int threads, int chunkWords, int maxChunks) {
        return new LocalModelSettings(threads, null, chunkWords, maxChunks, null, null, null, null);
    }

    /** The dot product: the cosine similarity of unit vectors. */
    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
