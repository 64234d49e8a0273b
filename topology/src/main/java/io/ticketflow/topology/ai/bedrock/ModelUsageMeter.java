package io.ticketflow.topology.ai.bedrock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TokenUsage;

/**
 * The token and cost counters of one model:
 *
 * <ul>
 *   <li>{@value #TOKENS} (tags {@code model}, {@code direction} = {@code input} | {@code output}): tokens Bedrock
 *       reported, base unit {@code tokens};
 *   <li>{@value #COST} (tag {@code model}): what they cost by the price table, base unit {@code usd} (in Prometheus
 *       {@code ticketflow_model_cost_usd_total}).
 * </ul>
 *
 * Every answered call counts, a valid answer or not: Bedrock charges for both. Thread-safe.
 */
final class ModelUsageMeter {

    static final String TOKENS = "ticketflow.model.tokens";
    static final String COST = "ticketflow.model.cost";

    private final Counter inputTokens;
    private final Counter outputTokens;
    private final Counter cost;
    private final ModelPrice price;

    ModelUsageMeter(MeterRegistry registry, String modelId, ModelPrice price) {
        this.inputTokens = tokens(registry, modelId, "input");
        this.outputTokens = tokens(registry, modelId, "output");
        this.cost = Counter.builder(COST)
                .description("What model calls cost, by the configured price table")
                .baseUnit("usd")
                .tag("model", modelId)
                .register(registry);
        this.price = price;
    }

    void record(TokenUsage usage) {
        inputTokens.increment(usage.inputTokens());
        outputTokens.increment(usage.outputTokens());
        cost.increment(price.costOf(usage).doubleValue());
    }

    private static Counter tokens(MeterRegistry registry, String modelId, String direction) {
        return Counter.builder(TOKENS)
                .description("Tokens model calls consumed, as the provider reported them")
                .baseUnit("tokens")
                .tag("model", modelId)
                .tag("direction", direction)
                .register(registry);
    }
}
