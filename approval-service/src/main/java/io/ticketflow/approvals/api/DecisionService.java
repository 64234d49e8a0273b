package io.ticketflow.approvals.api;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.ledger.DecisionCommand;
import io.ticketflow.approvals.ledger.LedgerEvent;
import io.ticketflow.approvals.runtime.CommandPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a decision request into a command on {@code approvals.commands} and waits, at most
 * {@code ticketflow.approvals.decision-wait}, for the ledger's committed answer. Never blocks a request thread.
 */
@Service
public class DecisionService {

    private final CommandPublisher publisher;
    private final CompletionRegistry completions;
    private final Clock clock;
    private final Duration wait;

    public DecisionService(
            CommandPublisher publisher,
            CompletionRegistry completions,
            Clock clock,
            ApprovalServiceProperties settings) {
        this.publisher = publisher;
        this.completions = completions;
        this.clock = clock;
        this.wait = settings.approvals().decisionWait();
    }

    /**
     * Sends the decision and waits for its answer.
     *
     * @return the ledger's answer, or an empty {@code Mono} when it did not come within the wait (the command is in
     *     Kafka and will be applied or refused: the caller answers 202)
     */
    Mono<LedgerEvent> decide(String ticketId, DecisionRequest request, String idempotencyKey, String reviewer) {
        DecisionCommand command = new DecisionCommand(
                UUID.randomUUID().toString(),
                ticketId,
                request.decision(),
                request.edits(),
                request.comment(),
                request.expectedVersion(),
                idempotencyKey,
                reviewer,
                clock.instant());
        // Registered before sending: the answer may arrive before send's own acknowledgement.
        var answer = completions.expect(command.commandId());
        return Mono.fromFuture(() -> publisher.send(command))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> Problems.unavailable("Kafka did not take the decision: " + e.getMessage()))
                .then(Mono.fromFuture(answer).timeout(wait))
                // The answer arrives on the events reader's one thread: write the HTTP response elsewhere, so that
                // the reader goes straight back to reading answers and responses are written in parallel.
                .publishOn(Schedulers.parallel())
                .onErrorResume(TimeoutException.class, e -> Mono.empty())
                .doFinally(signal -> completions.forget(command.commandId()));
    }
}
