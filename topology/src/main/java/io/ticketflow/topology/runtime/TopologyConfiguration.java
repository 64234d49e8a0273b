package io.ticketflow.topology.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans that run the topology. */
@Configuration(proxyBeanMethods = false)
public class TopologyConfiguration {

    /** How long start-up waits for the brokers to answer topic requests. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(TicketflowProperties settings) {
        return Admin.create(StreamsProperties.clientConfig(settings.kafka()));
    }

    @Bean
    TopicProvisioner topicProvisioner(Admin kafkaAdmin, TicketflowProperties settings) {
        return new TopicProvisioner(kafkaAdmin, settings.topics(), ADMIN_TIMEOUT);
    }

    @Bean(destroyMethod = "close")
    EnrichmentModels enrichmentModels(TicketflowProperties settings, MeterRegistry meterRegistry) {
        return EnrichmentModels.create(settings.model(), meterRegistry);
    }

    @Bean
    Enrichment enrichment(EnrichmentModels enrichmentModels) {
        return enrichmentModels.enrichment();
    }

    @Bean
    StreamsAvailability streamsAvailability(ApplicationEventPublisher events) {
        return new StreamsAvailability(events);
    }

    @Bean
    StreamsRunner streamsRunner(
            TicketflowProperties settings,
            TopicProvisioner topicProvisioner,
            Enrichment enrichment,
            StreamsAvailability streamsAvailability,
            MeterRegistry meterRegistry) {
        return new StreamsRunner(settings, topicProvisioner, enrichment, streamsAvailability, meterRegistry);
    }
}
