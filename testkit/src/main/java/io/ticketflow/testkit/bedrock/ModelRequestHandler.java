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
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Serves {@code POST /model/{modelId}/invoke} and {@code POST /model/{modelId}/converse}. Each request, in order: is
 * recorded; is validated (400 {@code ValidationException}); takes its quota or is throttled at once (429); waits its
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
    private final KeywordTriage triage;
    private final Random random;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong slow = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();

    /**
     * @param random the seeded source of every draw; {@link Random} because it is thread-safe
     */
    ModelRequestHandler(SimulatorBehaviour behaviour, QuotaLimiter quota, Random random) {
        this.behaviour = behaviour;
        this.quota = quota;
        this.triage = new KeywordTriage(behaviour.obeysInjectedInstructions());
        this.random = random;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            String rawPath = exchange.getRequestURI().getRawPath();
            Route route = Route.of(exchange.getRequestMethod(), rawPath);
            record(exchange, rawPath, route, body);
            SimulatedResponse response = route == null
                    ? refuse(
                            404,
                            "UnknownOperationException",
                            "No operation at " + exchange.getRequestMethod() + " " + rawPath)
                    : respond(route.operation(), body);
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
        return new SimulatorCounters(
                requests.get(), throttled.get(), faults.get(), malformed.get(), slow.get(), invalid.get());
    }

    List<ReceivedRequest> receivedRequests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The answer, or {@code null} when the simulator is closing while the call waits. */
    private SimulatedResponse respond(Operation operation, String body) {
        SimulatedCall call;
        try {
            JsonNode request = SimulatedResponse.JSON.readTree(body);
            if (!request.isObject()) {
                return refuse(400, "ValidationException", "The request body must be a JSON object");
            }
            call = switch (operation) {
                case INVOKE_MODEL -> EmbeddingCall.of(request);
                case CONVERSE -> ConverseCall.of(request, triage);
            };
        } catch (JacksonException e) {
            return refuse(400, "ValidationException", "Malformed input request: the body is not JSON");
        } catch (InvalidRequestException e) {
            return refuse(400, "ValidationException", e.getMessage());
        }
        if (!quota.tryAcquire(call.reservedTokens())) {
            throttled.incrementAndGet();
            return SimulatedResponse.throttled(behaviour.retryAfter());
        }
        // A call that ends without an answer produced no output: its output reservation all goes back.
        long unusedTokens = call.outputReservation();
        try {
            Duration latency = latency();
            if (!pause(latency)) {
                return null;
            }
            ServerFault fault = behaviour.drawFault(random);
            if (fault != null) {
                faults.incrementAndGet();
                return SimulatedResponse.fault(fault);
            }
            MalformedAnswer broken = behaviour.drawMalformed(operation, random);
            if (broken != null) {
                malformed.incrementAndGet();
            }
            SimulatedCall.Answer answer = call.answer(broken, latency, random);
            unusedTokens = answer.unusedTokens();
            return SimulatedResponse.ok(answer.body());
        } finally {
            quota.giveBack(unusedTokens);
        }
    }

    private Duration latency() {
        if (behaviour.drawSlow(random)) {
            slow.incrementAndGet();
            return behaviour.slowDelay();
        }
        return behaviour.latency().draw(random);
    }

    private SimulatedResponse refuse(int status, String errorType, String message) {
        invalid.incrementAndGet();
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
