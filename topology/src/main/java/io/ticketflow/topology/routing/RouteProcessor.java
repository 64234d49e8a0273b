package io.ticketflow.topology.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The {@code route} stage: applies the {@link ReviewPolicy} and records its verdict in the audit trail (the reasons as
 * flags of the {@code route} entry). Stateless; runs on the stream thread.
 *
 * <p>Counts tickets per route in {@code ticketflow.review.routed} (tag {@code route}: {@code auto_approved} or
 * {@code review}).
 */
public final class RouteProcessor implements FixedKeyProcessor<String, TicketEnriched, RoutedTicket> {

    /** The stage's name: its processor and audit entries. */
    public static final String STAGE = "route";

    private final ReviewPolicy policy;
    private final Counter autoApproved;
    private final Counter toReview;
    private FixedKeyProcessorContext<String, RoutedTicket> context;

    public RouteProcessor(ReviewPolicy policy, MeterRegistry meters) {
        this.policy = policy;
        this.autoApproved = routed(meters, "auto_approved");
        this.toReview = routed(meters, "review");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RoutedTicket> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, TicketEnriched> record) {
        List<ReviewReason> reasons = policy.reasonsFor(record.value());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<String> flags = reasons.stream().map(ReviewReason::name).toList();
        TicketEnriched routed = record.value().withStage(new StageRecord(STAGE, now, flags, Map.of()));
        (reasons.isEmpty() ? autoApproved : toReview).increment();
        context.forward(record.withValue(new RoutedTicket(routed, reasons)));
    }

    private static Counter routed(MeterRegistry meters, String route) {
        return Counter.builder("ticketflow.review.routed")
                .description("Tickets routed, by route")
                .tag("route", route)
                .register(meters);
    }
}
