package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.ApprovalRequested;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an approval for each {@code approvals.requested} record. One approval per ticket is open at a time: a
 * request repeating the open or any earlier approval id is a redelivery and is ignored; a new approval id for a ticket
 * whose approval is finished starts a new one (version continuing); one for a ticket still pending is refused (logged).
 */
final class RequestProcessor implements Processor<String, ApprovalRequested, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(RequestProcessor.class);

    private final Clock clock;
    private Ledger ledger;

    RequestProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        ledger = new Ledger(context, clock);
    }

    @Override
    public void process(Record<String, ApprovalRequested> record) {
        ApprovalRequested request = record.value();
        if (request == null || !request.ticketId().equals(record.key())) {
            log.warn("Ignoring an approval request not keyed by its ticket id (key {})", record.key());
            return;
        }
        Approval existing = ledger.find(request.ticketId());
        if (existing == null) {
            ledger.open(request, null);
        } else if (isRedelivery(existing, request)) {
            log.debug("Approval {} of ticket {} is already in the ledger", request.approvalId(), request.ticketId());
        } else if (existing.isPending()) {
            log.warn(
                    "Ignoring approval {} of ticket {}: approval {} is still pending",
                    request.approvalId(),
                    request.ticketId(),
                    existing.request().approvalId());
        } else {
            ledger.open(request, existing);
        }
    }

    private static boolean isRedelivery(Approval existing, ApprovalRequested request) {
        return existing.request().approvalId().equals(request.approvalId());
    }
}
