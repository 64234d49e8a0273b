package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.ExpiryOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies decision commands in partition order, and expires pending approvals on a wall-clock punctuation.
 *
 * <p>The rules, checked in this order: an unknown ticket is {@link Rejection#NOT_FOUND}; the idempotency key of the
 * applied decision gets that same result again ({@link LedgerEvent.Kind#REPEATED}) when the request is the same, and
 * {@link Rejection#IDEMPOTENCY_KEY_REUSED} when it is not; an expired approval is
 * {@link Rejection#ALREADY_EXPIRED}; a decided one {@link Rejection#ALREADY_DECIDED}; a version other than the
 * approval's is {@link Rejection#STALE_VERSION}; otherwise the decision is applied. Only applying changes state.
 *
 * <p>Expiry reads "now" from the injected clock, so tests control it; the punctuation itself runs every
 * {@code expiryCheckInterval} of real time.
 */
final class CommandProcessor implements Processor<String, DecisionCommand, String, Object> {

    private final Clock clock;
    private final Duration expiryCheckInterval;
    private final ExpiryOutcome expiryOutcome;
    private Ledger ledger;

    CommandProcessor(Clock clock, Duration expiryCheckInterval, ExpiryOutcome expiryOutcome) {
        this.clock = clock;
        this.expiryCheckInterval = expiryCheckInterval;
        this.expiryOutcome = expiryOutcome;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ledger = new Ledger(context, clock);
        context.schedule(expiryCheckInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> expireDueApprovals());
    }

    @Override
    public void process(Record<String, DecisionCommand> record) {
        DecisionCommand command = record.value();
        if (command == null) {
            return;
        }
        Approval approval = ledger.find(command.ticketId());
        if (approval == null) {
            reject(command, Rejection.NOT_FOUND, null);
        } else if (reusesAppliedKey(approval, command)) {
            if (sameRequest(approval, command)) {
                ledger.answer(new LedgerEvent(
                        LedgerEvent.Kind.REPEATED, command.ticketId(), command.commandId(), null, approval));
            } else {
                reject(command, Rejection.IDEMPOTENCY_KEY_REUSED, approval);
            }
        } else if (approval.status() == ApprovalStatus.EXPIRED) {
            reject(command, Rejection.ALREADY_EXPIRED, approval);
        } else if (approval.status() == ApprovalStatus.DECIDED) {
            reject(command, Rejection.ALREADY_DECIDED, approval);
        } else if (approval.version() != command.expectedVersion()) {
            reject(command, Rejection.STALE_VERSION, approval);
        } else {
            ledger.finish(approval, applied(command), command.commandId());
        }
    }

    private static boolean reusesAppliedKey(Approval approval, DecisionCommand command) {
        return approval.decision() != null
                && command.idempotencyKey().equals(approval.decision().idempotencyKey());
    }

    /** Whether the command asks exactly what the applied decision did; it was applied one version earlier. */
    private static boolean sameRequest(Approval approval, DecisionCommand command) {
        AppliedDecision applied = approval.decision();
        return applied.decision() == command.decision()
                && Objects.equals(applied.edits(), command.edits())
                && Objects.equals(applied.comment(), command.comment())
                && Objects.equals(applied.reviewer(), command.reviewer())
                && command.expectedVersion() == approval.version() - 1;
    }

    private void reject(DecisionCommand command, Rejection rejection, Approval approval) {
        ledger.answer(new LedgerEvent(
                LedgerEvent.Kind.REJECTED, command.ticketId(), command.commandId(), rejection, approval));
    }

    private AppliedDecision applied(DecisionCommand command) {
        return new AppliedDecision(
                command.decision(),
                command.edits(),
                command.comment(),
                command.reviewer(),
                ledger.now(),
                command.idempotencyKey(),
                null);
    }

    private void expireDueApprovals() {
        Instant now = ledger.now();
        for (Approval due : ledger.dueForExpiry(now)) {
            ledger.finish(due, expiry(now), null);
        }
    }

    private AppliedDecision expiry(Instant now) {
        String comment = switch (expiryOutcome) {
            case APPLY_SUGGESTION -> "expired unreviewed: the AI suggestion applies";
            case ESCALATE -> "expired unreviewed: escalate";
        };
        return new AppliedDecision(Decision.EXPIRED, null, comment, null, now, null, expiryOutcome);
    }
}
