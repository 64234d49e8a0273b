package io.ticketflow.approvals.api;

import io.ticketflow.approvals.ledger.LedgerEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live feed of committed ledger changes (requested, decided, expired) for server-sent events. A subscriber that
 * cannot keep up misses events rather than slowing the others; a page recovers by reloading the list. Fed from one
 * thread (the events reader).
 */
@Component
public class ApprovalEvents {

    private final Sinks.Many<LedgerEvent> sink = Sinks.many().multicast().directBestEffort();

    /** Announces {@code event} if it changed the ledger. */
    public void publish(LedgerEvent event) {
        if (event.changedLedger()) {
            sink.tryEmitNext(event);
        }
    }

    /** Changes from now on. */
    Flux<LedgerEvent> changes() {
        return sink.asFlux();
    }
}
