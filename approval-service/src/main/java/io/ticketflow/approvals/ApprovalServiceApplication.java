package io.ticketflow.approvals;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The approval service: the approvals ledger, its HTTP API and live events, and the reviewer page. */
@SpringBootApplication
@EnableConfigurationProperties(ApprovalServiceProperties.class)
public class ApprovalServiceApplication {

    /**
     * The service's own defaults, set here rather than in an {@code application.properties}, so that they hold when
     * the service shares a class path with another ticketflow application (local-stack, benchmarks).
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name",
            "ticketflow-approval-service",
            "server.port",
            8080,
            // Framework errors (bad JSON, unknown enum values, 404, 405, 415) as application/problem+json too.
            "spring.webflux.problemdetails.enabled",
            true,
            "management.endpoints.web.exposure.include",
            "health,info,prometheus",
            "management.endpoint.health.probes.enabled",
            true,
            // Spring Security wraps each of its filters in an observation: measured as a large share of a request's
            // CPU (approval-service README, "Decision latency"). http.server.requests still times every request.
            "management.observations.enable.spring.security",
            false,
            // Where the other instances reach this one (RoutingSettings); on Kubernetes set it to the pod IP.
            "ticketflow.routing.advertised-address",
            "localhost:${server.port:8080}");

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder of the service with its defaults; arguments and environment override them. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ApprovalServiceApplication.class).properties(DEFAULTS);
    }
}
