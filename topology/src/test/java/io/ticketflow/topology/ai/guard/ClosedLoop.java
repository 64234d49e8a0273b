package io.ticketflow.topology.ai.guard;

import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load as the async stage makes it under a backlog: a fixed number of calls outstanding, each replaced by a new one
 * as soon as it ends, successful or not.
 */
final class ClosedLoop {

    private final EmbeddingModel model;
    private final String name;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    private ClosedLoop(EmbeddingModel model, String name) {
        this.model = model;
        this.name = name;
    }

    /** Starts {@code outstanding} calls at {@code model}, and keeps that many going until {@link #stop()}. */
    static ClosedLoop start(EmbeddingModel model, String name, int outstanding) {
        ClosedLoop loop = new ClosedLoop(model, name);
        for (int i = 0; i < outstanding; i++) {
            loop.next();
        }
        return loop;
    }

    void stop() {
        running = false;
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failed.get();
    }

    private void next() {
        String ticketId = name + "-" + sequence.getAndIncrement();
        model.embed(new EmbeddingRequest(ticketId, "ticket " + ticketId + " about a broken vpn"))
                .whenComplete((answer, failure) -> {
                    (failure == null ? succeeded : failed).incrementAndGet();
                    if (running) {
                        next();
                    }
                });
    }
}
