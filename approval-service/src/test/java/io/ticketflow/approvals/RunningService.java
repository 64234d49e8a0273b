package io.ticketflow.approvals;

import static org.awaitility.Awaitility.await;

import io.ticketflow.approvals.security.DevTokenIssuer;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The approval service running in the test JVM against the shared broker, with the development issuer on, its own
 * topic prefix and application id, and a clock the test owns. Restartable on the same topics and state folder. A
 * {@link #peer peer} is a second instance of the same service (same topics and application id) that trusts the first
 * one's development tokens.
 */
final class RunningService implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final KafkaCluster kafka;
    private final String prefix;
    private final String applicationId;
    private final Path stateDir;
    private final Clock clock;
    private final Map<String, String> extra;
    /** The instance whose development issuer signs this one's tokens; {@code null} when it is its own issuer. */
    private final RunningService issuer;

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;
    private KafkaProducer<String, ApprovalRequested> producer;

    RunningService(KafkaCluster kafka, Path stateDir, Clock clock, Map<String, String> extra) {
        this(
                kafka,
                kafka.uniqueTopic("approvals") + ".",
                kafka.uniqueApplicationId("approval-service"),
                stateDir,
                clock,
                extra,
                null);
    }

    private RunningService(
            KafkaCluster kafka,
            String prefix,
            String applicationId,
            Path stateDir,
            Clock clock,
            Map<String, String> extra,
            RunningService issuer) {
        this.kafka = kafka;
        this.prefix = prefix;
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.clock = clock;
        this.extra = extra;
        this.issuer = issuer;
    }

    /**
     * Another instance of this service (not started): same topics, application id and clock, its own state folder and
     * settings; it accepts the tokens of this instance's development issuer, so a request forwarded between the two
     * is authorised as the same user.
     */
    RunningService peer(Path peerStateDir, Map<String, String> peerExtra) {
        return new RunningService(kafka, prefix, applicationId, peerStateDir, clock, peerExtra, this);
    }

    RunningService start() {
        // The test's own settings replace these defaults (a repeated command-line option would become a list).
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("ticketflow.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("ticketflow.kafka.application-id", applicationId);
        settings.put("ticketflow.kafka.state-dir", stateDir.toString());
        settings.put("ticketflow.topics.prefix", prefix);
        settings.put("ticketflow.topics.partitions", "3");
        settings.put("ticketflow.approvals.decision-wait", "60s");
        settings.put("ticketflow.approvals.expiry-check-interval", "200ms");
        settings.put("ticketflow.dev.issuer", "" + (issuer == null));
        settings.putAll(extra);
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = ApprovalServiceApplication.builder()
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("clock", clock);
                    if (issuer != null) {
                        ctx.getBeanFactory()
                                .registerSingleton(
                                        "jwtDecoder",
                                        issuer.bean(DevTokenIssuer.class).decoder());
                    }
                })
                .run(args.toArray(String[]::new));
        return this;
    }

    /**
     * Closes the HTTP port only: the ledger keeps its partitions, so the other instances find it unreachable. (Closing
     * a whole context would also dispose Reactor Netty's event loops, which all contexts of this JVM share.)
     */
    void stopWebServer() {
        ((WebServerApplicationContext) context).getWebServer().stop();
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (producer != null) {
            producer.close();
        }
    }

    String topic(Topic<?, ?> topic) {
        return topic.withPrefix(prefix).name();
    }

    URI uri(String path) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String token(String user) {
        return issuer == null ? bean(DevTokenIssuer.class).tokenFor(user).orElseThrow() : issuer.token(user);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Writes requests to {@code approvals.requested} as the topology would: keyed by ticket id. */
    void request(Collection<ApprovalRequested> requests) {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    Topics.APPROVALS_REQUESTED.keySerde().serializer(),
                    Topics.APPROVALS_REQUESTED.valueSerde().serializer());
        }
        String topic = topic(Topics.APPROVALS_REQUESTED);
        requests.forEach(request -> producer.send(new ProducerRecord<>(topic, request.ticketId(), request)));
        producer.flush();
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> decide(String ticketId, String user, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/approvals/" + ticketId + "/decision"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the ledger holds every ticket of {@code ticketIds}. */
    void awaitInLedger(Collection<String> ticketIds) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String id : ticketIds) {
                int status = get("/approvals/" + id, "victor").statusCode();
                if (status != 200) {
                    throw new AssertionError("approval " + id + " answers " + status);
                }
            }
        });
    }
}
