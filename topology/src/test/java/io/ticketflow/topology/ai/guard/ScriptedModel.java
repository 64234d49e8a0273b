package io.ticketflow.topology.ai.guard;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * An embedding model that answers each attempt as the test scripted it, after a fixed virtual latency, and records
 * every attempt: when it started and for which ticket. Once the script is used up, it answers as {@link #otherwise}.
 */
final class ScriptedModel implements EmbeddingModel {

    /** How one attempt ends. */
    sealed interface Answer {}

    /** Answers, reporting {@code usedTokens} of input. */
    record Succeed(long usedTokens) implements Answer {}

    record Fail(ModelException failure) implements Answer {}

    /** Never answers. */
    record Hang() implements Answer {}

    /** One attempt the guard made. */
    record Attempt(String ticketId, Duration at, CompletableFuture<Embedding> answer) {}

    private final ManualScheduler scheduler;
    private final Duration latency;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private Answer otherwise = new Succeed(10);
    private long estimate = 10;

    ScriptedModel(ManualScheduler scheduler, Duration latency) {
        this.scheduler = scheduler;
        this.latency = latency;
    }

    static Answer succeed(long usedTokens) {
        return new Succeed(usedTokens);
    }

    static Answer fail(ModelException.Kind kind) {
        return new Fail(new ModelException(kind, "scripted " + kind));
    }

    static Answer fail(ModelException.Kind kind, Duration retryAfter) {
        return new Fail(new ModelException(kind, "scripted " + kind, retryAfter, null));
    }

    static Answer hang() {
        return new Hang();
    }

    static EmbeddingRequest request(String ticketId) {
        return new EmbeddingRequest(ticketId, "text of " + ticketId);
    }

    /** The next attempts answer so, in order. */
    ScriptedModel then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Attempts beyond the script answer so. */
    ScriptedModel otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    ScriptedModel estimating(long tokens) {
        estimate = tokens;
        return this;
    }

    List<Attempt> attempts() {
        return attempts;
    }

    /** The guard under test around this model, on the scheduler's virtual time, with seeded jitter. */
    GuardedEmbeddingModel guarded(Limits limits, MeterRegistry registry) {
        return new GuardedEmbeddingModel(this, limits.build(), registry, scheduler, scheduler::nanoTime, new Random(7));
    }

    @Override
    public String modelId() {
        return "scripted";
    }

    @Override
    public int dimensions() {
        return 1;
    }

    @Override
    public long estimatedTokens(EmbeddingRequest request) {
        return estimate;
    }

    @Override
    public CompletionStage<Embedding> embed(EmbeddingRequest request) {
        CompletableFuture<Embedding> answer = new CompletableFuture<>();
        attempts.add(new Attempt(request.ticketId(), scheduler.elapsed(), answer));
        Answer next = script.isEmpty() ? otherwise : script.poll();
        switch (next) {
            case Succeed succeed ->
                scheduler.schedule(
                        () -> answer.complete(
                                new Embedding(new float[] {1}, modelId(), new TokenUsage(succeed.usedTokens(), 0))),
                        latency.toNanos(),
                        TimeUnit.NANOSECONDS);
            case Fail fail ->
                scheduler.schedule(
                        () -> answer.completeExceptionally(fail.failure()), latency.toNanos(), TimeUnit.NANOSECONDS);
            case Hang hang -> {
                // left incomplete: the guard's timeout must end it
            }
        }
        return answer;
    }
}
