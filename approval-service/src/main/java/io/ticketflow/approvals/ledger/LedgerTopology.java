package io.ticketflow.approvals.ledger;

import io.ticketflow.approvals.config.ApprovalSettings;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.topic.Topic;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.Topology;

/** Adds the ledger's processors, stores and sinks to a topology. */
public final class LedgerTopology {

    private static final String OPEN = "ledger-open-approval";
    private static final String DECIDE = "ledger-apply-decision";

    /** The ledger's processors: a store they use that the ledger does not own is connected to these. */
    public static final List<String> PROCESSORS = List.of(OPEN, DECIDE);

    private static final String COMMANDS_SOURCE = "approvals-commands-source";

    private LedgerTopology() {}

    /**
     * Adds the ledger behind {@code requestedSource} (a source of {@code approvals.requested} values) and a new source
     * of {@code commands}.
     */
    public static void addTo(
            Topology topology,
            String requestedSource,
            Topic<String, DecisionCommand> commands,
            Topic<String, ApprovalDecided> decided,
            Topic<String, LedgerEvent> events,
            ApprovalSettings settings,
            Clock clock) {
        topology.addSource(
                COMMANDS_SOURCE,
                commands.keySerde().deserializer(),
                commands.valueSerde().deserializer(),
                commands.name());
        topology.addProcessor(OPEN, () -> new RequestProcessor(clock), requestedSource);
        topology.addProcessor(
                DECIDE,
                () -> new CommandProcessor(clock, settings.expiryCheckInterval(), settings.expiryOutcome()),
                COMMANDS_SOURCE);
        topology.addStateStore(LedgerStores.approvals(), OPEN, DECIDE);
        topology.addStateStore(LedgerStores.index(), OPEN, DECIDE);
        topology.addSink(
                Ledger.DECIDED_SINK,
                decided.name(),
                decided.keySerde().serializer(),
                decided.valueSerde().serializer(),
                OPEN,
                DECIDE);
        topology.addSink(
                Ledger.EVENTS_SINK,
                events.name(),
                events.keySerde().serializer(),
                events.valueSerde().serializer(),
                OPEN,
                DECIDE);
    }
}
