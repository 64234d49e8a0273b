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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The approval service running in the test JVM against the shared broker, with the development issuer on, its own
 * topic prefix and application id, and a clock the test owns. Restartable on the same topics and state folder.
 */
final class RunningService implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final KafkaCluster kafka;
    private final String prefix;
    private final String applicationId;
    private final Path stateDir;
    private final Clock clock;
    private final Map<String, String> extra;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;
    private KafkaProducer<String, ApprovalRequested> producer;

    RunningService(KafkaCluster kafka, Path stateDir, Clock clock, Map<String, String> extra) {
        this.kafka = kafka;
        this.prefix = kafka.uniqueTopic("approvals") + ".";
        this.applicationId = kafka.uniqueApplicationId("approval-service");
        this.stateDir = stateDir;
        this.clock = clock;
        this.extra = extra;
    }

    RunningService start() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ticketflow.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--ticketflow.kafka.application-id=" + applicationId,
                "--ticketflow.kafka.state-dir=" + stateDir,
                "--ticketflow.topics.prefix=" + prefix,
                "--ticketflow.topics.partitions=3",
                "--ticketflow.approvals.decision-wait=60s",
                "--ticketflow.approvals.expiry-check-interval=200ms",
                "--ticketflow.dev.issuer=true"));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = ApprovalServiceApplication.builder()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
        return this;
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
        return context.getBean(DevTokenIssuer.class).tokenFor(user).orElseThrow();
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
