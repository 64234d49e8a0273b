package io.ticketflow.topology.runtime;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Ties the application's liveness and readiness (Spring Boot's health groups {@code /actuator/health/liveness} and
 * {@code /readiness}) to the Kafka Streams state.
 *
 * <p>Ready while Kafka Streams runs or rebalances (it owns or is taking over work); not ready before it first runs.
 * Broken liveness when it has failed ({@code ERROR}): only a restart helps then. Called on Kafka Streams threads.
 */
public final class StreamsAvailability {

    private final ApplicationEventPublisher events;

    public StreamsAvailability(ApplicationEventPublisher events) {
        this.events = events;
    }

    void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        switch (newState) {
            case RUNNING, REBALANCING ->
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            case ERROR -> {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
            case CREATED, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR ->
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
