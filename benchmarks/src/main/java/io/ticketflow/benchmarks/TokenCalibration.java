package io.ticketflow.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket;
import io.ticketflow.testkit.TicketGenerator;
import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.testkit.bedrock.SimulatorCounters;
import io.ticketflow.topology.ai.bedrock.BedrockModels;
import io.ticketflow.topology.ai.bedrock.BedrockSettings;
import io.ticketflow.topology.ai.redaction.PiiRedactor;
import io.ticketflow.topology.config.ModelSettings;
import io.ticketflow.topology.embed.EmbedCall;
import io.ticketflow.topology.embed.EmbeddedTicket;
import io.ticketflow.topology.triage.TriageCall;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Deserializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How many tokens a call of each model keeps from its token quota, on average, for the tickets the benchmark feeds:
 * measured by sending {@code tickets} generated tickets through the product's own {@link EmbedCall} and
 * {@link TriageCall} (same redaction, prompt and {@code maxTokens}) to a simulator without quotas or latency, and
 * reading what it counted. The benchmark sets each model's tokens-per-minute quota from it, so that the token quota
 * binds when the request quota does.
 */
final class TokenCalibration {

    private TokenCalibration() {}

    /**
     * @param model the model settings as the instances use them (the {@code bedrock} adapter's, categories and
     *     redaction); the endpoint is replaced by a simulator's
     * @param generator the generator the feed uses, or one like it; {@code tickets} are taken from it
     * @return mean tokens per call by model id
     */
    static Map<String, Double> meanTokensPerCall(ModelSettings model, TicketGenerator generator, int tickets) {
        BedrockSettings settings = model.bedrock();
        Deserializer<TicketIngested> parser =
                Topics.TICKETS_INGESTED.valueSerde().deserializer();
        UnaryOperator<String> redaction = new PiiRedactor(model.redaction())::redact;
        try (BedrockSimulator simulator = BedrockSimulator.start();
                BedrockModels models = BedrockModels.create(
                        at(settings, simulator),
                        model.categories(),
                        new SimpleMeterRegistry(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("benchmark", "benchmark")))) {
            EmbedCall embed = new EmbedCall(models.embeddingModel(), redaction);
            TriageCall triage = new TriageCall(models.triageModel(), redaction);
            for (int i = 0; i < tickets; i++) {
                GeneratedTicket generated = generator.next();
                TicketIngested ticket = parser.deserialize(Topics.TICKETS_INGESTED.name(), generated.value());
                Instant now = Instant.now();
                TicketEnriched entering = TicketEnriched.entering(ticket, StageRecord.passed("ingest", now));
                EmbeddedTicket embedded = embed.complete(
                        ticket.id(),
                        entering,
                        embed.start(ticket.id(), entering).toCompletableFuture().join(),
                        now);
                triage.start(ticket.id(), embedded.ticket())
                        .toCompletableFuture()
                        .join();
            }
            return Map.of(
                    settings.embeddingModelId(), mean(simulator.counters(settings.embeddingModelId())),
                    settings.triageModelId(), mean(simulator.counters(settings.triageModelId())));
        }
    }

    private static double mean(SimulatorCounters counters) {
        return (double) counters.tokens() / counters.admitted();
    }

    private static BedrockSettings at(BedrockSettings settings, BedrockSimulator simulator) {
        return new BedrockSettings(
                "us-east-1",
                settings.embeddingModelId(),
                settings.embeddingDimensions(),
                settings.triageModelId(),
                settings.maxOutputTokens(),
                settings.callTimeout(),
                simulator.endpoint(),
                settings.maxConcurrency(),
                settings.prices());
    }
}
