package io.ticketflow.approvals.config;

import static io.ticketflow.approvals.config.Settings.orDefault;
import static io.ticketflow.approvals.config.Settings.positive;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The development token issuer ({@code ticketflow.dev.*}): when on, the service signs short-lived JWTs for fixed users
 * with a key generated at start-up and accepts only those. Never on by default; never for production.
 *
 * @param issuer whether the development issuer is on; default {@code false}
 * @param tokenLifetime how long a development token is valid; default 8 h
 * @param users user name to roles; default {@code alice: reviewer}, {@code bob: reviewer}, {@code victor: viewer}
 */
public record DevIssuerSettings(Boolean issuer, Duration tokenLifetime, Map<String, List<String>> users) {

    public DevIssuerSettings {
        issuer = orDefault(issuer, false);
        tokenLifetime = positive("dev.token-lifetime", tokenLifetime, Duration.ofHours(8));
        users = users == null || users.isEmpty()
                ? Map.of("alice", List.of("reviewer"), "bob", List.of("reviewer"), "victor", List.of("viewer"))
                : Map.copyOf(users);
    }
}
