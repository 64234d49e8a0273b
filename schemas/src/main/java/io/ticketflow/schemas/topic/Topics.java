package io.ticketflow.schemas.topic;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics ticketflow reads and writes, under their default names. Keys are ticket ids (UTF-8 strings).
 * Deployments may put a prefix in front of every name ({@link Topic#withPrefix(String)}).
 */
public final class Topics {

    /** Tickets from upstream systems. Written by upstream; read by the topology. */
    public static final Topic<String, TicketIngested> TICKETS_INGESTED =
            new Topic<>("tickets.ingested", Serdes.String(), JsonSerde.of(TicketIngested.class));

    /** Tickets leaving the pipeline. Written by the topology; read by data teams and Kafka Connect. */
    public static final Topic<String, TicketEnriched> TICKETS_ENRICHED =
            new Topic<>("tickets.enriched", Serdes.String(), JsonSerde.of(TicketEnriched.class));

    /**
     * Records the pipeline could not process, with their original bytes and the reason in headers. Written by the
     * topology; read by operators.
     */
    public static final Topic<byte[], byte[]> TICKETS_DLQ =
            new Topic<>("tickets.dlq", Serdes.ByteArray(), Serdes.ByteArray());

    /** Tickets waiting for a human. Written by the topology; read by the approval service. */
    public static final Topic<String, ApprovalRequested> APPROVALS_REQUESTED =
            new Topic<>("approvals.requested", Serdes.String(), JsonSerde.of(ApprovalRequested.class));

    /** Decisions on approvals. Written by the approval service; read by the topology. */
    public static final Topic<String, ApprovalDecided> APPROVALS_DECIDED =
            new Topic<>("approvals.decided", Serdes.String(), JsonSerde.of(ApprovalDecided.class));

    private static final List<Topic<?, ?>> ALL =
            List.of(TICKETS_INGESTED, TICKETS_ENRICHED, TICKETS_DLQ, APPROVALS_REQUESTED, APPROVALS_DECIDED);

    private Topics() {}

    /** Every topic above, in the order listed. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
