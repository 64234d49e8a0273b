package io.ticketflow.localstack;

import io.ticketflow.approvals.ApprovalServiceApplication;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket;
import io.ticketflow.testkit.KRaftBroker;
import io.ticketflow.testkit.TicketGenerator;
import io.ticketflow.testkit.bedrock.SimulatorCounters;
import io.ticketflow.topology.TicketflowApplication;
import io.ticketflow.topology.deadletter.DeadLetterHeaders;
import io.ticketflow.topology.runtime.StreamsRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local stack: starts a real KRaft broker, the topology (which creates the topics), the approval service (with
 * its development token issuer), a feed of sample tickets and a summary of what comes out, and keeps them running
 * until closed (Ctrl-C in {@link #main}).
 *
 * <p>Everything runs in this JVM, with no other installation, also the Bedrock simulator when the topology is to call
 * it ({@code --model bedrock-simulator}). Parts are closed in reverse order of starting, so the
 * topology commits and leaves before the broker goes away.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STREAMS_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int APPROVALS_PORT = 8080;

    private final LocalStackOptions options;
    private final PrintStream out;
    private KRaftBroker broker;
    private LocalBedrock bedrock;
    private ConfigurableApplicationContext topology;
    private ConfigurableApplicationContext approvals;
    private PipelineSummary summary;
    private SampleFeed feed;

    private LocalStack(LocalStackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (LocalStackOptions.wantsHelp(arguments)) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = start(options, System.out);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println();
                            System.out.println(stack.describe());
                            stack.close();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        stack.report(Duration.ofSeconds(5), stopped);
    }

    /**
     * Starts everything and returns once the topology runs and the feed has begun.
     *
     * @throws IllegalStateException if a part cannot start; whatever had started is closed again
     */
    public static LocalStack start(LocalStackOptions options, PrintStream out) {
        LocalStack stack = new LocalStack(options, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        KRaftBroker.Builder brokerBuilder = KRaftBroker.builder().port(options.port());
        if (options.dataDirectory() != null) {
            brokerBuilder.dataDirectory(options.dataDirectory().resolve("kafka"));
        }
        broker = brokerBuilder.start();
        out.printf("Kafka broker (KRaft) listening on %s, data in %s%n", bootstrapServers(), broker.dataDirectory());
        if (options.usesBedrockSimulator()) {
            bedrock = LocalBedrock.start(options.seed());
            out.printf(
                    "%s; the topology's bedrock adapter calls it (dummy credentials, this JVM only)%n",
                    bedrock.describe());
        }

        topology = new SpringApplicationBuilder(TicketflowApplication.class)
                // This class closes the topology itself, before the broker; Spring's own hook would race with it.
                .registerShutdownHook(false)
                .run(topologyArguments());
        awaitRunning(topology.getBean(StreamsRunner.class));
        out.printf(
                "Topology running (exactly_once_v2, %s model); health and metrics on http://127.0.0.1:%s/actuator%n",
                options.model(), topology.getEnvironment().getProperty("local.server.port"));

        approvals = startApprovalService();

        summary = new PipelineSummary(
                bootstrapServers(),
                Topics.TICKETS_ENRICHED.name(),
                Topics.APPROVALS_REQUESTED.name(),
                Topics.TICKETS_DLQ.name(),
                DeadLetterHeaders.REASON);
        summary.start();
        feed = new SampleFeed(
                bootstrapServers(),
                Topics.TICKETS_INGESTED.name(),
                TicketGenerator.builder().seed(options.seed()).build(),
                options.tickets());
        feed.start(options.ratePerSecond());
        out.printf(
                "Started in %.1f s; feeding %d sample tickets at %s/s to %s%n%n%s%n",
                (System.nanoTime() - begin) / 1e9,
                options.tickets(),
                options.ratePerSecond(),
                Topics.TICKETS_INGESTED.name(),
                attachHelp());
    }

    /** Command-line arguments, because they take precedence over the topology's own application.properties. */
    private String[] topologyArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--ticketflow.kafka.bootstrap-servers=" + bootstrapServers(),
                "--ticketflow.kafka.application-id=ticketflow-local",
                "--ticketflow.kafka.state-dir=" + stateDirectory(),
                // One broker: internal and created topics cannot have more than one replica.
                "--ticketflow.topics.replication-factor=1",
                "--server.port=" + options.httpPort(),
                "--spring.main.banner-mode=off"));
        if (bedrock != null) {
            arguments.addAll(bedrock.topologyArguments());
        }
        return arguments.toArray(String[]::new);
    }

    /**
     * The approval service with its development token issuer (local use only): on port 8080, or a free port when
     * the topology's HTTP port is 0 (tests).
     */
    private ConfigurableApplicationContext startApprovalService() {
        ConfigurableApplicationContext service = ApprovalServiceApplication.builder()
                // Closed by this class, before the topology and the broker, like the topology.
                .registerShutdownHook(false)
                .run(
                        "--ticketflow.kafka.bootstrap-servers=" + bootstrapServers(),
                        "--ticketflow.kafka.state-dir=" + stateDirectory().resolve("approvals"),
                        "--ticketflow.dev.issuer=true",
                        "--server.port=" + (options.httpPort() == 0 ? 0 : APPROVALS_PORT),
                        "--spring.application.name=ticketflow-approval-service",
                        "--spring.main.banner-mode=off");
        String url = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/";
        out.printf(
                "Approval service running. Reviewer page: %s%n"
                        + "  sign in there as alice or bob (reviewers) or victor (viewer): development issuer, no"
                        + " password, this JVM only%n"
                        + "  a token for curl: curl -s -XPOST '%sdev/token?user=alice' | jq -r .access_token%n",
                url, url);
        return service;
    }

    private Path stateDirectory() {
        return options.dataDirectory() != null
                ? options.dataDirectory().resolve("streams")
                : broker.dataDirectory().resolve("streams");
    }

    private static void awaitRunning(StreamsRunner runner) {
        long deadline = System.nanoTime() + STREAMS_READY_TIMEOUT.toNanos();
        while (runner.state() != KafkaStreams.State.RUNNING) {
            if (runner.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                throw new IllegalStateException("The topology did not reach RUNNING within " + STREAMS_READY_TIMEOUT
                        + " (state " + runner.state() + "); see the log above");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the topology", e);
            }
        }
    }

    /** Prints the summary whenever it changed, at most every {@code interval}, until {@code stopped} opens. */
    void report(Duration interval, CountDownLatch stopped) throws InterruptedException {
        String last = "";
        boolean announcedFirst = false;
        while (!stopped.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            PipelineSummary.Snapshot now = summary.snapshot();
            if (!announcedFirst && now.firstEnriched() != null) {
                out.printf(
                        "First enriched ticket %.1f s after the topology started%n",
                        now.firstEnriched().toMillis() / 1000.0);
                announcedFirst = true;
            }
            String current = describe();
            if (!current.equals(last)) {
                out.println(current);
                last = current;
            }
        }
    }

    /** The summary as printed: what was sent, what came out, what waits for a reviewer, the dead letters by reason. */
    public String describe() {
        if (summary == null || feed == null) {
            return "(not started)";
        }
        Map<GeneratedTicket.Kind, Integer> sent = feed.sent();
        PipelineSummary.Snapshot now = summary.snapshot();
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        String models = bedrock == null ? "" : System.lineSeparator() + bedrock.describe();
        return String.format(
                "%-18s %6d sent%s  (%s)%n%-18s %6d%n%-18s %6d%n%-18s %6d  %s%s",
                Topics.TICKETS_INGESTED.name(),
                total,
                feed.finished() ? ", done" : "",
                sent.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                Topics.TICKETS_ENRICHED.name(),
                now.enriched(),
                "awaiting review",
                now.awaitingReview(),
                Topics.TICKETS_DLQ.name(),
                now.deadLetters(),
                now.deadLettersByReason().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                models);
    }

    /** What the Bedrock simulator has answered, when this stack runs one ({@code --model bedrock-simulator}). */
    Optional<SimulatorCounters> bedrockSimulatorCounters() {
        return Optional.ofNullable(bedrock).map(LocalBedrock::counters);
    }

    /** The counts so far. */
    PipelineSummary.Snapshot snapshot() {
        return summary.snapshot();
    }

    /** Tickets sent so far, by kind. */
    Map<GeneratedTicket.Kind, Integer> sent() {
        return feed.sent();
    }

    /** Whether every sample ticket has been sent. */
    boolean feedFinished() {
        return feed.finished();
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    private String attachHelp() {
        return String.join(
                System.lineSeparator(),
                "Attach with kcat (Debian package kcat) while this runs, for example:",
                "  kcat -b " + bootstrapServers() + " -L",
                "  kcat -b " + bootstrapServers() + " -C -t " + Topics.TICKETS_ENRICHED.name()
                        + " -X isolation.level=read_committed -e",
                "  kcat -b " + bootstrapServers() + " -C -t " + Topics.TICKETS_DLQ.name() + " -e -f '%h\\n%s\\n\\n'",
                "Press Ctrl-C to stop.");
    }

    /**
     * Stops the feed, the summary, the approval service, the topology, the Bedrock simulator and the broker, in that order; safe to call
     * more than once.
     */
    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
        }
        if (summary != null) {
            try {
                summary.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (approvals != null) {
            approvals.close();
        }
        if (topology != null) {
            topology.close();
        }
        if (bedrock != null) {
            bedrock.close();
        }
        if (broker != null) {
            broker.close();
        }
        feed = null;
        summary = null;
        approvals = null;
        topology = null;
        bedrock = null;
        broker = null;
    }
}
