package io.ticketflow.approvals.config;

import static io.ticketflow.approvals.config.Settings.notBlank;
import static io.ticketflow.approvals.config.Settings.positive;

import java.time.Duration;

/**
 * How instances find each other for reads ({@code ticketflow.routing.*}). Every instance owns some partitions of the
 * ledger; a read of another instance's partition is forwarded to it, and a listing asks every instance.
 *
 * @param advertisedAddress {@code host:port} at which the other instances reach this one's HTTP API, advertised
 *     through Kafka Streams' {@code application.server}; default {@code localhost:8080} (the service's
 *     built-in defaults, {@code ApprovalServiceApplication}, make it {@code localhost:${server.port}}), right for one instance or several on
 *     one host only. On Kubernetes: the pod IP and the container port.
 * @param peerTimeout how long a forwarded read or one instance's part of a listing may take before the caller gets
 *     503; default 2 s
 */
public record RoutingSettings(String advertisedAddress, Duration peerTimeout) {

    public RoutingSettings {
        advertisedAddress = notBlank("routing.advertised-address", advertisedAddress, "localhost:8080");
        if (!advertisedAddress.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException(
                    "ticketflow.routing.advertised-address must be host:port, not " + advertisedAddress);
        }
        peerTimeout = positive("routing.peer-timeout", peerTimeout, Duration.ofSeconds(2));
    }
}
