package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.serde.JsonSerde;
import io.ticketflow.schemas.topic.Topic;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The approval service's own topics, under their default names (the {@code ticketflow.topics.prefix} applies to them
 * too). Only the approval service reads and writes them; other teams read {@code approvals.decided}.
 */
public final class LedgerTopics {

    /** Decisions waiting to be applied, keyed by ticket id; as many partitions as {@code approvals.requested}. */
    public static final Topic<String, DecisionCommand> APPROVALS_COMMANDS =
            new Topic<>("approvals.commands", Serdes.String(), JsonSerde.of(DecisionCommand.class));

    /** What the ledger did, keyed by ticket id. */
    public static final Topic<String, LedgerEvent> APPROVALS_EVENTS =
            new Topic<>("approvals.events", Serdes.String(), JsonSerde.of(LedgerEvent.class));

    private LedgerTopics() {}
}
