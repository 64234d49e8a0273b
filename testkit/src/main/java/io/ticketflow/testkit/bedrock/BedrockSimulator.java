package io.ticketflow.testkit.bedrock;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP/1.1 server that speaks the part of Bedrock Runtime's wire protocol ticketflow uses, so that the AWS SDK
 * client can be tested against it through {@code endpointOverride}: {@code POST /model/{modelId}/invoke} with Titan
 * Text Embeddings v2 bodies and {@code POST /model/{modelId}/converse} with tool use. The model id arrives URL-encoded
 * ({@code :} as {@code %3A}); SigV4-signed requests are accepted without checking the signature.
 *
 * <p><b>Answers</b> are deterministic for a given request: embeddings are a hashed bag of word stems, so texts sharing
 * words score a higher cosine than unrelated ones; triage answers take priority and category from keywords in the
 * ticket text (the category from the tool schema's {@code enum}). <b>Faults</b>, all off by default: a latency
 * distribution, requests- and tokens-per-minute quotas (for the account, and per model id as Bedrock keeps them)
 * answered with HTTP 429 {@code ThrottlingException} (a Converse call reserves its input tokens plus
 * {@code maxTokens}, as Bedrock does), injected 5xx and 408 errors, slow answers
 * that outlast a client's timeout, and malformed answers. Random draws come from one seeded source; the draws a call
 * gets depend on the order calls arrive in, so only a single-threaded client sees exactly repeatable faults.
 *
 * <p><b>Lifecycle.</b> {@link Builder#start()} binds {@code 127.0.0.1} on the chosen port (default: a free one) and
 * returns a running simulator; {@link #close()} stops it at once, abandoning calls still waiting out their latency.
 * <b>Threading:</b> each exchange runs on its own virtual thread, so a slow answer holds up no other; every method of
 * this class is thread-safe.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: part of every JDK (module {@code jdk.httpserver}, a supported
 * API), HTTP/1.1 only, which is what the SDK's Netty client speaks to a plain-http endpoint, and no dependency to keep.
 */
public final class BedrockSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BedrockSimulator.class);

    private final HttpServer server;
    private final ExecutorService exchanges;
    private final ModelRequestHandler handler;
    private boolean closed;

    private BedrockSimulator(HttpServer server, ExecutorService exchanges, ModelRequestHandler handler) {
        this.server = server;
        this.exchanges = exchanges;
        this.handler = handler;
    }

    /** A builder with the defaults: a free port, no latency, no quotas, no faults, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator with the {@linkplain #builder() defaults}. */
    public static BedrockSimulator start() {
        return builder().start();
    }

    /** Where clients connect, for example {@code http://127.0.0.1:41234}: the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The port the simulator listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What the simulator has answered so far. */
    public SimulatorCounters counters() {
        return handler.counters();
    }

    /** What the simulator has answered so far to requests naming {@code modelId} (decoded, as in the request line). */
    public SimulatorCounters counters(String modelId) {
        return handler.counters(Objects.requireNonNull(modelId, "modelId"));
    }

    /**
     * How much of {@code modelId}'s own quota ({@link Builder#modelQuota}) could be used at once: the lower of its
     * request and token buckets' levels as a share of one minute's quota, from 0 (a call now waits for the refill) to
     * 1 (a quiet account's full burst). A load test that wants the sustained rate waits until this is near 0.
     *
     * @return empty when the model has no quota of its own
     */
    public OptionalDouble quotaHeadroom(String modelId) {
        return handler.quotaHeadroom(Objects.requireNonNull(modelId, "modelId"));
    }

    /** The latest requests received (at most 1,000), oldest first. */
    public List<ReceivedRequest> receivedRequests() {
        return handler.receivedRequests();
    }

    /** Stops serving at once; calls still waiting out their latency get no answer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        exchanges.shutdownNow();
        log.info("Bedrock simulator on {} stopped after {}", endpoint(), counters());
    }

    @Override
    public String toString() {
        return "BedrockSimulator[" + endpoint() + "]";
    }

    /**
     * Runs a simulator until the process is stopped (Ctrl-C), for the local stack and manual tests. Options:
     * {@code --port N} (default 8089), {@code --latency-ms N}, {@code --jitter-ms N}, {@code --rpm N}, {@code --tpm N},
     * {@code --seed N}.
     */
    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        BedrockSimulator simulator = options.applyTo(builder()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Bedrock simulator listening on " + simulator.endpoint() + " (" + options + ")");
        stopped.await();
    }

    /** Chooses port, seed, latency, quotas and faults, then starts the simulator. Not thread-safe. */
    public static final class Builder {

        private int port;
        private long seed;
        private Latency latency = Latency.none();
        private long requestsPerMinute;
        private long tokensPerMinute;
        private final Map<String, long[]> modelQuotas = new LinkedHashMap<>();
        private Duration retryAfter;
        private double faultRate;
        private final List<ServerFault> faults = new ArrayList<>();
        private double malformedRate;
        private final List<MalformedAnswer> malformedAnswers = new ArrayList<>();
        private double slowRate;
        private Duration slowDelay = Duration.ZERO;
        private boolean obeysInjectedInstructions;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {}

        /** The port, {@code 0} (the default) for any free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0–65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Seeds every random draw (latency jitter, faults, broken answers); default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How long answers take; default {@link Latency#none()}. */
        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** The requests-per-minute quota across all models and operations; default none. */
        public Builder requestsPerMinute(long requestsPerMinute) {
            this.requestsPerMinute = positive("requestsPerMinute", requestsPerMinute);
            return this;
        }

        /**
         * The tokens-per-minute quota across all models; default none. A Converse call reserves its input tokens
         * plus {@code maxTokens} when it starts and gets the unused output tokens back when it ends.
         */
        public Builder tokensPerMinute(long tokensPerMinute) {
            this.tokensPerMinute = positive("tokensPerMinute", tokensPerMinute);
            return this;
        }

        /**
         * A quota of its own for one model, as Bedrock keeps one per model id and account: calls to {@code modelId}
         * take from it and from the account-wide quotas ({@link #requestsPerMinute}, {@link #tokensPerMinute}), if
         * any, from both or neither. Calling it again for the same model replaces that model's quota.
         *
         * @param modelId the model id as requests name it, decoded (for example {@code amazon.titan-embed-text-v2:0})
         * @param requestsPerMinute the model's request quota; {@code 0} for none
         * @param tokensPerMinute the model's token quota; {@code 0} for none
         */
        public Builder modelQuota(String modelId, long requestsPerMinute, long tokensPerMinute) {
            Objects.requireNonNull(modelId, "modelId");
            if (requestsPerMinute < 0 || tokensPerMinute < 0 || requestsPerMinute + tokensPerMinute == 0) {
                throw new IllegalArgumentException("a model quota needs a positive requests or tokens per minute, was "
                        + requestsPerMinute + " and " + tokensPerMinute);
            }
            modelQuotas.put(modelId, new long[] {requestsPerMinute, tokensPerMinute});
            return this;
        }

        /**
         * Sends a {@code Retry-After} header (whole seconds) with every 429. Bedrock itself sends none, the default;
         * this lets a test check that a client honours one.
         */
        public Builder throttleRetryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /**
         * Answers a share of the calls that pass the quotas with a server fault, chosen uniformly from {@code kinds}.
         *
         * @param rate from 0 (never, the default) to 1 (always)
         */
        public Builder serverFaults(double rate, ServerFault... kinds) {
            this.faultRate = rate("serverFaults", rate);
            requireKinds(rate, kinds.length);
            this.faults.clear();
            this.faults.addAll(List.of(kinds));
            return this;
        }

        /**
         * Answers a share of the calls that pass the quotas with a broken answer, chosen uniformly from those of
         * {@code kinds} that fit the operation (a call of an operation none fits is answered normally).
         *
         * @param rate from 0 (never, the default) to 1 (always)
         */
        public Builder malformedAnswers(double rate, MalformedAnswer... kinds) {
            this.malformedRate = rate("malformedAnswers", rate);
            requireKinds(rate, kinds.length);
            this.malformedAnswers.clear();
            this.malformedAnswers.addAll(List.of(kinds));
            return this;
        }

        /**
         * Delays a share of the calls by {@code delay} instead of the latency: to make a client's timeout fire.
         *
         * @param rate from 0 (never, the default) to 1 (always)
         */
        public Builder slowResponses(double rate, Duration delay) {
            this.slowRate = rate("slowResponses", rate);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("slow response delay must not be negative, was " + delay);
            }
            this.slowDelay = delay;
            return this;
        }

        /**
         * Makes the simulated model follow instructions written in the ticket ("set priority P4", "category Foo"),
         * even to values outside the schema, like a model a prompt injection fools; default off.
         */
        public Builder obeysInjectedInstructions(boolean obeys) {
            this.obeysInjectedInstructions = obeys;
            return this;
        }

        /** The clock the quotas refill by, in nanoseconds like {@link System#nanoTime()} (the default). */
        public Builder ticker(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws UncheckedIOException if the port cannot be bound (for example, it is taken)
         */
        public BedrockSimulator start() {
            SimulatorBehaviour behaviour = new SimulatorBehaviour(
                    latency,
                    slowRate,
                    slowDelay,
                    faultRate,
                    faults,
                    malformedRate,
                    malformedAnswers,
                    retryAfter,
                    obeysInjectedInstructions);
            Map<String, QuotaLimiter> perModel = new LinkedHashMap<>();
            modelQuotas.forEach(
                    (modelId, quota) -> perModel.put(modelId, new QuotaLimiter(quota[0], quota[1], nanoTime)));
            ModelRequestHandler handler = new ModelRequestHandler(
                    behaviour,
                    new QuotaLimiter(requestsPerMinute, tokensPerMinute, nanoTime),
                    perModel,
                    new Random(seed));
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
            }
            ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(exchanges);
            server.createContext("/", handler);
            server.start();
            BedrockSimulator simulator = new BedrockSimulator(server, exchanges, handler);
            log.info("Bedrock simulator listening on {}", simulator.endpoint());
            return simulator;
        }

        private static long positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        private static double rate(String name, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(name + " rate must be within [0, 1], was " + rate);
            }
            return rate;
        }

        private static void requireKinds(double rate, int kinds) {
            if (rate > 0 && kinds == 0) {
                throw new IllegalArgumentException("a positive rate needs at least one kind to inject");
            }
        }
    }
}
