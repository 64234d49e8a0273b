package io.ticketflow.approvals.api;

import io.ticketflow.approvals.ledger.LedgerEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Decision requests waiting for the ledger's answer, by command id. Thread-safe: requests register and forget on
 * request threads; answers arrive on the events reader's thread. An answer for a command nobody waits for (another
 * instance's, or one that gave up) is dropped.
 */
@Component
public class CompletionRegistry {

    private final ConcurrentMap<String, CompletableFuture<LedgerEvent>> waiting = new ConcurrentHashMap<>();

    /** A future completed with the answer to {@code commandId}; call {@link #forget} when done with it. */
    CompletableFuture<LedgerEvent> expect(String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    void forget(String commandId) {
        waiting.remove(commandId);
    }

    /** Completes the request waiting for {@code event}'s command, if any. */
    public void complete(LedgerEvent event) {
        if (event.commandId() == null) {
            return;
        }
        CompletableFuture<LedgerEvent> request = waiting.remove(event.commandId());
        if (request != null) {
            request.complete(event);
        }
    }
}
