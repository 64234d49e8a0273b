package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.api.ApprovalEvents;
import io.ticketflow.approvals.api.CompletionRegistry;
import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.ledger.LedgerTopics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Kafka parts. A {@link Clock} bean of the application's own replaces the system clock (tests do). */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(ApprovalServiceProperties settings) {
        return Admin.create(ClientProperties.common(settings.kafka()));
    }

    @Bean
    LedgerStreams ledgerStreams(ApprovalServiceProperties settings, Admin admin, Clock clock) {
        return new LedgerStreams(settings, new TopicProvisioner(admin, settings.topics(), ADMIN_TIMEOUT), clock);
    }

    @Bean(destroyMethod = "close")
    CommandPublisher commandPublisher(ApprovalServiceProperties settings) {
        return new CommandPublisher(
                ClientProperties.common(settings.kafka()), settings.topics().resolve(LedgerTopics.APPROVALS_COMMANDS));
    }

    @Bean
    LedgerEventsReader ledgerEventsReader(
            ApprovalServiceProperties settings, CompletionRegistry completions, ApprovalEvents events) {
        return new LedgerEventsReader(
                ClientProperties.common(settings.kafka()),
                settings.topics().resolve(LedgerTopics.APPROVALS_EVENTS),
                event -> {
                    completions.complete(event);
                    events.publish(event);
                });
    }
}
