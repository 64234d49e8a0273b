package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.TriageEdits;
import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's decision on its way to the ledger: the contract of {@code approvals.commands}, keyed by ticket id (so
 * it lands on the partition of the approval's request). Written only by the approval service; JSON written with the
 * project's event mapper.
 *
 * @param commandId unique id of this command; the ledger's answer ({@link LedgerEvent}) carries it back
 * @param ticketId the approval's ticket id (also the record key)
 * @param decision {@code APPROVE}, {@code REJECT} or {@code EDIT} (never {@code EXPIRED}: only the ledger expires)
 * @param edits corrections; present exactly when {@code decision} is {@code EDIT}
 * @param comment the reviewer's comment; optional
 * @param expectedVersion the approval version the reviewer saw
 * @param idempotencyKey the client's {@code Idempotency-Key}: the same key repeated gets the same result
 * @param reviewer the reviewer's identity, taken from their token
 * @param issuedAt when the service accepted the HTTP request
 */
public record DecisionCommand(
        String commandId,
        String ticketId,
        Decision decision,
        TriageEdits edits,
        String comment,
        long expectedVersion,
        String idempotencyKey,
        String reviewer,
        Instant issuedAt) {

    public DecisionCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (decision == Decision.EXPIRED) {
            throw new IllegalArgumentException("only the ledger decides EXPIRED");
        }
    }
}
