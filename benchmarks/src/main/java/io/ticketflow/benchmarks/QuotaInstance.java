package io.ticketflow.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.runtime.EnrichmentModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One topology instance of {@code quota}, run as a child process of {@link QuotaBenchmark} on its class path:
 * {@code QuotaInstance async|blocking NAME [--ticketflow.key=value ...] [--output-topic=NAME]}.
 *
 * <p>It binds the {@code ticketflow.*} arguments to {@link TicketflowProperties} as the application does, creates the
 * configured models with {@link EnrichmentModels} (for {@code bedrock}: guarded by {@code ai.guard}) and runs, as
 * {@code StreamsRunner} does, either the product's {@link TicketTopology} ({@code async}) or the naive
 * {@link BlockingTopology} ({@code blocking}, writing to {@code --output-topic}). It prints {@value #READY} once Kafka
 * Streams runs and a {@value #STATUS} line of its guards' gauges every {@link #STATUS_INTERVAL}, and stops (closing
 * Kafka Streams and leaving the group) when its standard input ends: when the benchmark closes it or dies.
 */
public final class QuotaInstance {

    /** The line an instance prints once Kafka Streams runs. */
    static final String READY = "QUOTA-INSTANCE READY";

    /** The start of the status lines an instance prints. */
    static final String STATUS = "QUOTA-INSTANCE STATUS";

    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final String STOPPED = "QUOTA-INSTANCE STOPPED";
    private static final String PREFIX = "QUOTA-INSTANCE ";

    private QuotaInstance() {}

    /**
     * Starts {@code QuotaInstance variant name properties...} in a child JVM; its status lines are echoed to {@code out}.
     *
     * @param properties {@code key=value} arguments, passed as {@code --key=value}
     * @param environment added to the child's environment
     * @param log where the child's output goes
     */
    static ChildJvm launch(
            String variant,
            String name,
            Map<String, String> properties,
            Map<String, String> environment,
            Path log,
            PrintStream out)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(variant, name));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return ChildJvm.start(name, QuotaInstance.class, arguments, environment, log, READY, line -> {
            if (line.startsWith(STATUS) || line.startsWith(STOPPED)) {
                out.println("  " + line.substring(PREFIX.length()));
            }
        });
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("async") || args[0].equals("blocking"))) {
            System.err.println(
                    "usage: QuotaInstance async|blocking NAME [--ticketflow.key=value ...]" + " [--output-topic=NAME]");
            System.exit(2);
        }
        boolean async = args[0].equals("async");
        String name = args[1];
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --key=value, was '" + arg + "'");
            }
            properties.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String outputTopic = properties.remove("output-topic");
        TicketflowProperties settings = new Binder(new MapConfigurationPropertySource(properties))
                .bind("ticketflow", TicketflowProperties.class)
                .orElseGet(TicketflowProperties::defaults);

        MeterRegistry meters = new SimpleMeterRegistry();
        try (EnrichmentModels models = EnrichmentModels.create(settings.model(), meters)) {
            Topology topology = async
                    ? TicketTopology.build(settings, models.enrichment(), meters)
                    : BlockingTopology.build(settings, models.enrichment(), outputTopic);
            KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.of(settings));
            CountDownLatch failed = new CountDownLatch(1);
            streams.setStateListener((state, old) -> {
                if (state == KafkaStreams.State.RUNNING && old == KafkaStreams.State.REBALANCING) {
                    System.out.println(READY);
                } else if (state == KafkaStreams.State.ERROR) {
                    failed.countDown();
                }
            });
            ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("status").daemon().factory());
            status.scheduleAtFixedRate(
                    () -> System.out.println(STATUS + " " + name + " " + status(meters)),
                    STATUS_INTERVAL.toMillis(),
                    STATUS_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            streams.start();
            awaitEndOf(System.in, failed);
            status.shutdownNow();
            streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            System.out.println(STOPPED + " " + name + " " + status(meters));
            if (failed.getCount() == 0) {
                System.exit(1);
            }
        }
    }

    /** Returns when {@code in} ends or Kafka Streams failed. */
    private static void awaitEndOf(InputStream in, CountDownLatch failed) throws InterruptedException {
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (in.read() >= 0) {
                    // nothing to read but the end
                }
            } catch (IOException e) {
                // the parent is gone: stop as well
            }
            failed.countDown();
        });
        failed.await();
        reader.interrupt();
    }

    /** The guard's gauges and counters of each model, and the async stages' records held, in one line. */
    static String status(MeterRegistry meters) {
        StringBuilder line = new StringBuilder();
        meters.find("ticketflow.model.concurrency.limit").gauges().forEach(limit -> {
            String model = limit.getId().getTag("model");
            Tags tags = Tags.of("model", model);
            line.append(String.format(
                    Locale.ROOT,
                    "%s: limit %.0f in-flight %.0f queued %.0f attempts %.0f throttles %.0f retries %.0f failures %.0f; ",
                    model,
                    limit.value(),
                    gauge(meters, "ticketflow.model.in.flight", tags),
                    gauge(meters, "ticketflow.model.queued", tags),
                    meters.find("ticketflow.model.attempts").tags(tags).counters().stream()
                            .mapToDouble(c -> c.count())
                            .sum(),
                    count(meters, "ticketflow.model.throttles", tags),
                    count(meters, "ticketflow.model.retries", tags),
                    meters.find("ticketflow.model.failures").tags(tags).counters().stream()
                            .mapToDouble(c -> c.count())
                            .sum()));
        });
        line.append(String.format(
                Locale.ROOT,
                "stages held %.0f, fallbacks %.0f",
                meters.find("ticketflow.async.held").gauges().stream()
                        .mapToDouble(g -> g.value())
                        .sum(),
                meters.find("ticketflow.async.fallbacks").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum()));
        return line.toString();
    }

    private static double gauge(MeterRegistry meters, String name, Tags tags) {
        var gauge = meters.find(name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static double count(MeterRegistry meters, String name, Tags tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
