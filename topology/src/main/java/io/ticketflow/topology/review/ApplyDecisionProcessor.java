package io.ticketflow.topology.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.TicketEnriched;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code apply-decision} stage: applies a decision from {@code approvals.decided} to the ticket parked under its
 * key ({@link ReviewedTicket}), forwards the reviewed ticket and removes the parked entry, in one transaction under
 * exactly-once, so a ticket is released once. A decision that matches no parked ticket (unknown ticket, a second
 * decision after the first released it, a decision on a replaced approval) or is wrongly keyed is refused with a
 * {@link RejectedDecisionException} and dead-lettered with its reason; nothing is changed.
 *
 * <p>Metrics: {@code ticketflow.review.decisions} (counter, tag {@code decision}), {@code ticketflow.review.divergence}
 * (counter, tag {@code field}: {@code priority}, {@code category}, {@code duplicate}, {@code rejected}; one count per
 * field a human changed) and {@code ticketflow.review.wait} (timer: parked until the decision was applied).
 */
public final class ApplyDecisionProcessor implements FixedKeyProcessor<String, ApprovalDecided, TicketEnriched> {

    /** The stage's processor name. */
    public static final String STAGE = "apply-decision";

    private final MeterRegistry meters;
    private final Timer wait;
    private FixedKeyProcessorContext<String, TicketEnriched> context;
    private KeyValueStore<String, ParkedTicket> parked;

    public ApplyDecisionProcessor(MeterRegistry meters) {
        this.meters = meters;
        this.wait = Timer.builder("ticketflow.review.wait")
                .description("Time from parking a ticket to applying the decision on it")
                .register(meters);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TicketEnriched> context) {
        this.context = context;
        this.parked = context.getStateStore(ParkedTickets.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ApprovalDecided> record) {
        ParkedTicket ticket = parkedTicketFor(record.key(), record.value());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        ReviewedTicket reviewed = ReviewedTicket.of(ticket, record.value(), now);
        parked.delete(record.key());
        count(record.value(), reviewed);
        wait.record(Duration.between(ticket.requestedAt(), now));
        context.forward(record.withValue(reviewed.ticket()));
    }

    /** The parked ticket {@code decision} decides on; refuses the decision if there is none. */
    private ParkedTicket parkedTicketFor(String key, ApprovalDecided decision) {
        if (key == null) {
            throw new RejectedDecisionException(
                    DecisionRejection.MISSING_KEY, "a decision must be keyed by its ticket id");
        }
        if (decision == null) {
            throw new RejectedDecisionException(DecisionRejection.EMPTY_DECISION, "no decision for ticket " + key);
        }
        if (!key.equals(decision.ticketId())) {
            throw new RejectedDecisionException(
                    DecisionRejection.KEY_MISMATCH,
                    "key '" + key + "' differs from the decision's ticketId '" + decision.ticketId() + "'");
        }
        ParkedTicket ticket = parked.get(key);
        if (ticket == null) {
            throw new RejectedDecisionException(
                    DecisionRejection.NOT_PARKED,
                    "no ticket " + key + " is waiting for review: it was never sent to review, or an earlier"
                            + " decision already released it (approval " + decision.approvalId() + ")");
        }
        if (!ticket.approvalId().equals(decision.approvalId())) {
            throw new RejectedDecisionException(
                    DecisionRejection.STALE_APPROVAL,
                    "ticket " + key + " waits on approval " + ticket.approvalId() + ", not on "
                            + decision.approvalId());
        }
        return ticket;
    }

    private void count(ApprovalDecided decision, ReviewedTicket reviewed) {
        Counter.builder("ticketflow.review.decisions")
                .description("Decisions applied to parked tickets, by decision")
                .tag("decision", decision.decision().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
        for (Divergence divergence : reviewed.divergences()) {
            Counter.builder("ticketflow.review.divergence")
                    .description("Fields a human decision changed in the AI's suggestion")
                    .tag("field", divergence.tag())
                    .register(meters)
                    .increment();
        }
    }
}
