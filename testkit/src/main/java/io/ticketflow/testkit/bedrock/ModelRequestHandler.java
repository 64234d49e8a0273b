package io.ticketflow.testkit.bedrock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Serves {@code POST /model/{modelId}/invoke} and {@code POST /model/{modelId}/converse}. Each request, in order: is
 * recorded; is validated (400 {@code ValidationException}); takes its quota (its model's, if that has one, and the
 * account's) or is throttled at once (429); waits its
 * latency (or the slow delay); is answered with an injected fault, a broken answer or a good one; gives back unused
 * reserved tokens. Signatures and credentials are not checked.
 *
 * <p>Thread-safe: the server calls it on one virtual thread per exchange, so a waiting call blocks nobody.
 */
final class ModelRequestHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ModelRequestHandler.class);

    /** How many of the latest requests {@link #receivedRequests()} keeps. */
    static final int RECORDED_REQUESTS = 1_000;

    private final SimulatorBehaviour behaviour;
    private final QuotaLimiter quota;
    private final Map<String, QuotaLimiter> modelQuotas;
    private final KeywordTriage triage;
    private final Random random;

    private final Counts all = new Counts();
    private final ConcurrentMap<String, Counts> byModel = new ConcurrentHashMap<>();
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();

    /**
     * @param quota the quota every call takes from, whatever its model
     * @param modelQuotas further quotas by model id: a call to one of these models takes from both
     * @param random the seeded source of every draw; {@link Random} because it is thread-safe
     */
    ModelRequestHandler(
            SimulatorBehaviour behaviour, QuotaLimiter quota, Map<String, QuotaLimiter> modelQuotas, Random random) {
        this.behaviour = behaviour;
        this.quota = quota;
        this.modelQuotas = Map.copyOf(modelQuotas);
        this.triage = new KeywordTriage(behaviour.obeysInjectedInstructions());
        this.random = random;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawPath = exchange.getRequestURI().getRawPath();
            Route route = Route.of(exchange.getRequestMethod(), rawPath);
            Tally tally =
                    new Tally(all, route == null ? null : byModel.computeIfAbsent(route.modelId(), id -> new Counts()));
            tally.add(Counts::requests, 1);
            record(exchange, rawPath, route, body);
            SimulatedResponse response = route == null
                    ? refuse(
                            tally,
                            404,
                            "UnknownOperationException",
                            "No operation at " + exchange.getRequestMethod() + " " + rawPath)
                    : respond(route, body, tally);
            if (response != null) {
                send(exchange, response);
            }
        } catch (IOException e) {
            // The client went away, typically after its own timeout gave up on a slow answer: nobody to answer.
            log.debug("Could not answer {}: {}", exchange.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            log.warn("Simulator failed on {}", exchange.getRequestURI(), e);
            throw e;
        }
    }

    SimulatorCounters counters() {
        return all.snapshot();
    }

    /** The headroom of {@code modelId}'s own quota ({@link QuotaLimiter#headroom()}); empty when it has none. */
    OptionalDouble quotaHeadroom(String modelId) {
        QuotaLimiter modelQuota = modelQuotas.get(modelId);
        return modelQuota == null ? OptionalDouble.empty() : OptionalDouble.of(modelQuota.headroom());
    }

    /** The counters of the requests to {@code modelId}; all zero when none came. */
    SimulatorCounters counters(String modelId) {
        Counts model = byModel.get(modelId);
        return model == null ? new Counts().snapshot() : model.snapshot();
    }

    List<ReceivedRequest> receivedRequests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The answer, or {@code null} when the simulator is closing while the call waits. */
    private SimulatedResponse respond(Route route, String body, Tally tally) {
        Operation operation = route.operation();
        SimulatedCall call;
        try {
            JsonNode request = SimulatedResponse.JSON.readTree(body);
            if (!request.isObject()) {
                return refuse(tally, 400, "ValidationException", "The request body must be a JSON object");
            }
            call = switch (operation) {
                case INVOKE_MODEL -> EmbeddingCall.of(request);
                case CONVERSE -> ConverseCall.of(request, triage);
            };
        } catch (JacksonException e) {
            return refuse(tally, 400, "ValidationException", "Malformed input request: the body is not JSON");
        } catch (InvalidRequestException e) {
            return refuse(tally, 400, "ValidationException", e.getMessage());
        }
        QuotaLimiter modelQuota = modelQuotas.get(route.modelId());
        if (!acquire(modelQuota, call.reservedTokens())) {
            tally.add(Counts::throttled, 1);
            return SimulatedResponse.throttled(behaviour.retryAfter());
        }
        // A call that ends without an answer produced no output: its output reservation all goes back.
        long unusedTokens = call.outputReservation();
        try {
            Duration latency = latency(tally);
            if (!pause(latency)) {
                return null;
            }
            ServerFault fault = behaviour.drawFault(random);
            if (fault != null) {
                tally.add(Counts::faults, 1);
                return SimulatedResponse.fault(fault);
            }
            MalformedAnswer broken = behaviour.drawMalformed(operation, random);
            if (broken != null) {
                tally.add(Counts::malformed, 1);
            }
            SimulatedCall.Answer answer = call.answer(broken, latency, random);
            unusedTokens = answer.unusedTokens();
            return SimulatedResponse.ok(answer.body());
        } finally {
            quota.giveBack(unusedTokens);
            if (modelQuota != null) {
                modelQuota.giveBack(unusedTokens);
            }
            tally.add(Counts::tokens, call.reservedTokens() - unusedTokens);
        }
    }

    /** Takes the call's request and tokens from its model's quota (if any) and the account's, from both or neither. */
    private boolean acquire(QuotaLimiter modelQuota, long reservedTokens) {
        if (modelQuota == null) {
            return quota.tryAcquire(reservedTokens);
        }
        if (!modelQuota.tryAcquire(reservedTokens)) {
            return false;
        }
        if (!quota.tryAcquire(reservedTokens)) {
            modelQuota.refund(reservedTokens);
            return false;
        }
        return true;
    }

    private Duration latency(Tally tally) {
        if (behaviour.drawSlow(random)) {
            tally.add(Counts::slow, 1);
            return behaviour.slowDelay();
        }
        return behaviour.latency().draw(random);
    }

    private static SimulatedResponse refuse(Tally tally, int status, String errorType, String message) {
        tally.add(Counts::invalid, 1);
        return SimulatedResponse.error(status, errorType, message);
    }

    /** Waits {@code latency}; returns {@code false} when interrupted because the simulator closes. */
    private static boolean pause(Duration latency) {
        if (latency.isZero()) {
            return true;
        }
        try {
            Thread.sleep(latency);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(HttpExchange exchange, SimulatedResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", HexFormat.of().toHexDigits(random.nextLong()));
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void record(HttpExchange exchange, String rawPath, Route route, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        ReceivedRequest request = new ReceivedRequest(
                exchange.getRequestMethod(),
                rawPath,
                route == null ? null : route.operation(),
                route == null ? null : route.modelId(),
                headers,
                body);
        synchronized (received) {
            if (received.size() == RECORDED_REQUESTS) {
                received.removeFirst();
            }
            received.addLast(request);
        }
    }

    /** The running counts of the requests to one model, or to all. Thread-safe. */
    private record Counts(
            AtomicLong requests,
            AtomicLong throttled,
            AtomicLong faults,
            AtomicLong malformed,
            AtomicLong slow,
            AtomicLong invalid,
            AtomicLong tokens) {

        Counts() {
            this(
                    new AtomicLong(),
                    new AtomicLong(),
                    new AtomicLong(),
                    new AtomicLong(),
                    new AtomicLong(),
                    new AtomicLong(),
                    new AtomicLong());
        }

        SimulatorCounters snapshot() {
            return new SimulatorCounters(
                    requests.get(),
                    throttled.get(),
                    faults.get(),
                    malformed.get(),
                    slow.get(),
                    invalid.get(),
                    tokens.get());
        }
    }

    /** Where one request is counted: in the counts of all requests, and of its model when it names one. */
    private record Tally(Counts all, Counts model) {

        void add(Function<Counts, AtomicLong> count, long amount) {
            count.apply(all).addAndGet(amount);
            if (model != null) {
                count.apply(model).addAndGet(amount);
            }
        }
    }

    /** An operation on a model, from a request line such as {@code POST /model/amazon.titan-embed-text-v2%3A0/invoke}. */
    private record Route(Operation operation, String modelId) {

        /** The route, or {@code null} when the method and path name no operation. */
        static Route of(String method, String rawPath) {
            String[] segments = rawPath.split("/", -1);
            if (!method.equals("POST")
                    || segments.length != 4
                    || !segments[0].isEmpty()
                    || !segments[1].equals("model")
                    || segments[2].isEmpty()) {
                return null;
            }
            for (Operation operation : Operation.values()) {
                if (operation.pathSuffix().equals(segments[3])) {
                    // URLDecoder would turn '+' into a space; in a path it is a plus.
                    String modelId = URLDecoder.decode(segments[2].replace("+", "%2B"), StandardCharsets.UTF_8);
                    return new Route(operation, modelId);
                }
            }
            return null;
        }
    }
}
