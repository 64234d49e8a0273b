package io.ticketflow.benchmarks;

import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KRaftBroker;
import io.ticketflow.testkit.TicketGenerator;
import io.ticketflow.testkit.TicketMix;
import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.testkit.bedrock.Latency;
import io.ticketflow.testkit.bedrock.SimulatorCounters;
import io.ticketflow.topology.config.ModelSettings;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code benchmarks/run quota [options]}: how much of a model quota the product keeps busy, how often it is throttled,
 * and how much faster it is than calling the model on the stream thread.
 *
 * <p>One run, in this JVM unless said otherwise: a real KRaft broker; the Bedrock wire-protocol simulator with a
 * jittered latency and, like Bedrock, a quota per model id (requests per minute, and tokens per minute set so that
 * they bind together, {@link TokenCalibration}); a feed of generated tickets above what the quotas can serve. Then
 * two phases against the same broker and simulator:
 *
 * <ol>
 *   <li><b>async</b>: {@code --instances} child JVMs ({@link QuotaInstance}) run the product's topology with the
 *       {@code bedrock} provider pointed at the simulator, each given the whole quota of each model (as the README
 *       says to configure them). After the warm-up, the simulator's counters of each model are read at the start and
 *       the end of the measured window ({@link QuotaWindow}).
 *   <li><b>blocking</b>: as many child JVMs, with as many stream threads, run {@link BlockingTopology}, which waits
 *       for each call on the stream thread, from the same input under another application id.
 * </ol>
 *
 * Options: {@link QuotaOptions}. The last line is {@code RESULT quota ...}; see {@code benchmarks/README.md}.
 */
public final class QuotaBenchmark {

    private static final String NAME = "quota";
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final int CALIBRATION_TICKETS = 500;
    private static final String BLOCKING_OUTPUT = "quota.tickets.enriched.blocking";

    private final QuotaOptions options;
    private final PrintStream out;

    QuotaBenchmark(QuotaOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        QuotaOptions options;
        try {
            options = QuotaOptions.parse(args, Benchmarks.projectRoot());
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.println(QuotaOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            ResultLine result = new QuotaBenchmark(options, System.out).run();
            System.out.println(result);
            System.exit(0); // the broker and clients leave non-daemon threads behind
        } catch (Exception e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the benchmark, printing as it goes, and returns its result line. */
    ResultLine run() throws Exception {
        Path runDir = options.workDir()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        Files.createDirectories(runDir);
        out.printf(
                "quota: %d instance(s) x %d stream thread(s), %d partitions; %d requests/min per model;"
                        + " latency %d ms +- %d ms; warm-up %ds, measured %ds; blocking warm-up %ds, measured %ds;"
                        + " settings %s; logs in %s%n",
                options.instances(),
                options.streamThreads(),
                options.partitions(),
                options.requestsPerMinute(),
                options.latency().toMillis(),
                options.jitter().toMillis(),
                options.warmup().toSeconds(),
                options.duration().toSeconds(),
                options.blockingWarmup().toSeconds(),
                options.blockingDuration().toSeconds(),
                options.settings(),
                runDir);

        ModelSettings models =
                bind(instanceProperties("calibration", "none", runDir)).model();
        String embedModel = models.bedrock().embeddingModelId();
        String triageModel = models.bedrock().triageModelId();
        Map<String, Double> meanTokens = TokenCalibration.meanTokensPerCall(models, generator(), CALIBRATION_TICKETS);
        Map<String, Long> tokensPerMinute = new LinkedHashMap<>();
        for (String model : List.of(embedModel, triageModel)) {
            tokensPerMinute.put(
                    model, QuotaWindow.bindingTokensPerMinute(options.requestsPerMinute(), meanTokens.get(model)));
            out.printf(
                    "  %s: %.1f tokens kept per call -> quota %d requests/min and %d tokens/min%n",
                    model, meanTokens.get(model), options.requestsPerMinute(), tokensPerMinute.get(model));
        }

        try (KRaftBroker broker = KRaftBroker.start();
                BedrockSimulator simulator = BedrockSimulator.builder()
                        .seed(options.seed())
                        .latency(Latency.jittered(options.latency(), options.jitter()))
                        .modelQuota(embedModel, options.requestsPerMinute(), tokensPerMinute.get(embedModel))
                        .modelQuota(triageModel, options.requestsPerMinute(), tokensPerMinute.get(triageModel))
                        .start()) {
            createTopics(broker);
            Environment environment =
                    new Environment(broker, simulator, runDir, embedModel, triageModel, tokensPerMinute);

            Phase async;
            try (TicketFeed feed =
                            new TicketFeed(broker.bootstrapServers(), Topics.TICKETS_INGESTED.name(), generator());
                    // Tickets leave the product's pipeline enriched, or parked for review (low confidence, P1,
                    // possible duplicate, AI unavailable): both count as through.
                    OutputCounter output = new OutputCounter(
                            broker.bootstrapServers(),
                            options.partitions(),
                            Map.of(
                                    Topics.TICKETS_ENRICHED.name(), OutputCounter.enrichedWithoutTriage(),
                                    Topics.APPROVALS_REQUESTED.name(), OutputCounter.reviewWithoutSuggestion()))) {
                // A backlog to start from, then more than the quotas can serve, so that the quotas bind.
                feed.sendNow((int) (options.feedPerSecond() * 10));
                feed.start(options.feedPerSecond());
                out.printf("Feeding %.0f tickets/s; async phase%n", options.feedPerSecond());
                async = runPhase(
                        "async", environment, options.warmup(), options.maxWarmup(), options.duration(), output, feed);
            }
            Phase blocking;
            try (OutputCounter output = new OutputCounter(
                    broker.bootstrapServers(),
                    options.partitions(),
                    Map.of(BLOCKING_OUTPUT, OutputCounter.enrichedWithoutTriage()))) {
                out.println("Blocking phase (the same input, another application id)");
                blocking = runPhase(
                        "blocking",
                        environment,
                        options.blockingWarmup(),
                        options.blockingWarmup(),
                        options.blockingDuration(),
                        output,
                        null);
            }
            ResultLine result = result(async, blocking, tokensPerMinute);
            // Kept with the logs as well: the line is the run's outcome, and closing the broker is the last risk.
            Files.writeString(runDir.resolve("result.txt"), result + System.lineSeparator());
            return result;
        }
    }

    private ResultLine result(Phase async, Phase blocking, Map<String, Long> tokensPerMinute) {
        List<QuotaWindow> windows = async.windows();
        QuotaWindow embed = windows.get(0);
        QuotaWindow triage = windows.get(1);
        double asyncTickets = async.ticketsPerMinute();
        double blockingTickets = blocking.ticketsPerMinute();
        out.printf(
                "%nasync:    %.0f tickets/min out; %s %.0f calls/min (%.1f%% of quota, %.2f%% throttled, tokens %.1f%%);"
                        + " %s %.0f calls/min (%.1f%%, %.2f%% throttled, tokens %.1f%%); %d fallbacks%n",
                asyncTickets,
                embed.model(),
                embed.callsPerMinute(),
                100 * embed.utilisation(),
                100 * embed.throttledShare(),
                100 * embed.tokenUtilisation(),
                triage.model(),
                triage.callsPerMinute(),
                100 * triage.utilisation(),
                100 * triage.throttledShare(),
                100 * triage.tokenUtilisation(),
                async.fallbacks());
        out.printf(
                "blocking: %.1f tickets/min out; %.1f calls/min in all (%d tickets in %ds)%n",
                blockingTickets,
                blocking.windows().stream()
                        .mapToDouble(QuotaWindow::callsPerMinute)
                        .sum(),
                blocking.tickets(),
                blocking.length().toSeconds());
        return new ResultLine(NAME)
                .add("utilisation", QuotaWindow.utilisation(windows), 4)
                .add("throttled", QuotaWindow.throttledShare(windows), 4)
                .add("speedup_vs_blocking", QuotaWindow.speedup(asyncTickets, blockingTickets), 1)
                .add("instances", options.instances())
                .add("quota_rpm_per_model", options.requestsPerMinute())
                .add(
                        "calls_per_min",
                        windows.stream()
                                .mapToDouble(QuotaWindow::callsPerMinute)
                                .sum(),
                        0)
                .add("tickets_per_min", asyncTickets, 0)
                .add("blocking_tickets_per_min", blockingTickets, 1)
                .add("embed_utilisation", embed.utilisation(), 4)
                .add("triage_utilisation", triage.utilisation(), 4)
                .add("embed_throttled", embed.throttledShare(), 4)
                .add("triage_throttled", triage.throttledShare(), 4)
                .add("embed_token_utilisation", embed.tokenUtilisation(), 4)
                .add("triage_token_utilisation", triage.tokenUtilisation(), 4)
                .add("embed_tpm", tokensPerMinute.get(embed.model()))
                .add("triage_tpm", tokensPerMinute.get(triage.model()))
                .add("fallbacks", async.fallbacks())
                .add("ramp_s", async.ramp() == null ? -1 : async.ramp().toSeconds())
                .add("warmup_s", async.warmup().toSeconds())
                .add("measured_s", async.length().toSeconds())
                .add("embed_headroom_start", async.start().embedHeadroom(), 4)
                .add("triage_headroom_start", async.start().triageHeadroom(), 4);
    }

    /**
     * Starts the variant's instances, waits out the warm-up, measures, stops them. The warm-up lasts {@code warmup},
     * then on until the quotas' one-minute burst is used up ({@link QuotaOptions#BURST_USED}), or {@code maxWarmup}
     * has passed: a quota with burst left would let more than its rate through, and the measurement would overstate
     * the sustained rate.
     *
     * @param feed checked for failures while the phase runs; {@code null} when none runs
     */
    private Phase runPhase(
            String variant,
            Environment environment,
            Duration warmup,
            Duration maxWarmup,
            Duration duration,
            OutputCounter output,
            TicketFeed feed)
            throws Exception {
        List<ChildJvm> instances = new ArrayList<>();
        try {
            for (int i = 1; i <= options.instances(); i++) {
                String name = variant + "-" + i;
                instances.add(QuotaInstance.launch(
                        variant,
                        name,
                        instanceProperties(name, variant, environment),
                        environment.credentials(),
                        environment.runDir().resolve(name + ".log"),
                        out));
            }
            for (ChildJvm instance : instances) {
                instance.awaitReady(READY_TIMEOUT);
            }
            out.printf(
                    "  %d %s instance(s) running; warming up for %ds%n", instances.size(), variant, warmup.toSeconds());
            Progress progress = new Progress(environment, output, feed, instances);
            progress.runFor(warmup);
            if (maxWarmup.compareTo(warmup) > 0 && environment.headroom() > QuotaOptions.BURST_USED) {
                out.printf(
                        "  waiting (at most %ds more) until a quota's burst is used up: %.1f%% of a minute left%n",
                        maxWarmup.minus(warmup).toSeconds(), 100 * environment.headroom());
                progress.runUntil(() -> environment.headroom() <= QuotaOptions.BURST_USED, maxWarmup.minus(warmup));
            }
            Snapshot start = environment.snapshot(output);
            out.printf(
                    "  measuring for %ds (warm-up took %ds; quota headroom %.1f%% and %.1f%% of a minute)%n",
                    duration.toSeconds(),
                    progress.elapsed().toSeconds(),
                    100 * start.embedHeadroom(),
                    100 * start.triageHeadroom());
            progress.runFor(duration);
            Snapshot end = environment.snapshot(output);
            return new Phase(
                    start, end, environment, options.requestsPerMinute(), progress.elapsedAt(start), progress.ramp());
        } finally {
            stopAll(instances);
        }
    }

    private static void stopAll(List<ChildJvm> instances) throws InterruptedException {
        List<Thread> stopping = instances.stream()
                .map(instance -> Thread.ofPlatform().start(() -> {
                    try {
                        instance.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }))
                .toList();
        for (Thread thread : stopping) {
            thread.join();
        }
    }

    /** The {@code ticketflow.*} settings of one instance, as {@code key=value} arguments. */
    private Map<String, String> instanceProperties(String name, String variant, Environment environment) {
        Map<String, String> properties = instanceProperties(name, variant, environment.runDir());
        properties.put(
                "ticketflow.kafka.bootstrap-servers", environment.broker().bootstrapServers());
        properties.put(
                "ticketflow.model.bedrock.endpoint-override",
                environment.simulator().endpoint().toString());
        properties.put(
                "ticketflow.model.embedding-limits.tokens-per-minute",
                Long.toString(environment.simulatorTokens(environment.embedModel())));
        properties.put(
                "ticketflow.model.triage-limits.tokens-per-minute",
                Long.toString(environment.simulatorTokens(environment.triageModel())));
        properties.putAll(options.settings());
        return properties;
    }

    private Map<String, String> instanceProperties(String name, String variant, Path runDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ticketflow.kafka.application-id", "quota-" + variant);
        properties.put("ticketflow.kafka.stream-threads", Integer.toString(options.streamThreads()));
        properties.put(
                "ticketflow.kafka.state-dir",
                runDir.resolve("state").resolve(name).toString());
        properties.put("ticketflow.topics.replication-factor", "1");
        properties.put("ticketflow.topics.partitions", Integer.toString(options.partitions()));
        properties.put("ticketflow.model.provider", "bedrock");
        properties.put("ticketflow.model.bedrock.region", "us-east-1");
        // Every instance may use the whole quota of each model: the README's advice for instances sharing a quota.
        properties.put(
                "ticketflow.model.embedding-limits.requests-per-minute", Integer.toString(options.requestsPerMinute()));
        properties.put(
                "ticketflow.model.triage-limits.requests-per-minute", Integer.toString(options.requestsPerMinute()));
        properties.putAll(options.settings());
        if (variant.equals("blocking")) {
            properties.put("output-topic", BLOCKING_OUTPUT);
            // Each record takes two model calls on the stream thread: few per poll, or the poll interval runs out.
            properties.put("ticketflow.kafka.properties[max.poll.records]", "10");
        }
        return properties;
    }

    private static TicketflowProperties bind(Map<String, String> properties) {
        Map<String, String> settings = new LinkedHashMap<>(properties);
        settings.remove("output-topic");
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("ticketflow", TicketflowProperties.class)
                .orElseGet(TicketflowProperties::defaults);
    }

    private TicketGenerator generator() {
        return TicketGenerator.builder()
                .seed(options.seed())
                .mix(TicketMix.NEW_ONLY)
                .build();
    }

    private void createTopics(KRaftBroker broker) throws Exception {
        try (Admin admin = broker.createAdmin()) {
            new TopicProvisioner(admin, new TopicSettings(null, true, options.partitions(), 1), Duration.ofSeconds(30))
                    .ensureTopics();
            admin.createTopics(List.of(new NewTopic(BLOCKING_OUTPUT, options.partitions(), (short) 1)))
                    .all()
                    .get();
        }
    }

    /** What the phases share: the broker, the simulator and where logs go. */
    private record Environment(
            KRaftBroker broker,
            BedrockSimulator simulator,
            Path runDir,
            String embedModel,
            String triageModel,
            Map<String, Long> tokensPerMinute) {

        /** The children's dummy AWS credentials: the simulator checks no signature. */
        Map<String, String> credentials() {
            return Map.of(
                    "AWS_ACCESS_KEY_ID", "benchmark",
                    "AWS_SECRET_ACCESS_KEY", "benchmark",
                    "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_DISABLED", "true");
        }

        long simulatorTokens(String model) {
            return tokensPerMinute.get(model);
        }

        Snapshot snapshot(OutputCounter output) {
            output.check();
            return new Snapshot(
                    System.nanoTime(),
                    simulator.counters(embedModel),
                    simulator.counters(triageModel),
                    output.total(),
                    output.fallbacks(),
                    simulator.quotaHeadroom(embedModel).orElse(0),
                    simulator.quotaHeadroom(triageModel).orElse(0));
        }

        /**
         * The smaller of the two models' quota headroom. Every ticket calls both models, so once one model's burst is
         * used up the tickets (and with them the other model's calls) flow no faster than that model's quota: the
         * other's leftover burst cannot lift the measurement.
         */
        double headroom() {
            return Math.min(
                    simulator.quotaHeadroom(embedModel).orElse(0),
                    simulator.quotaHeadroom(triageModel).orElse(0));
        }
    }

    /**
     * Prints what happened every {@link #PROGRESS_INTERVAL}: each model's calls per minute and throttled share since
     * the last line, and the tickets out per minute; fails the run when an instance, the feed or the output failed.
     */
    private final class Progress {
        private final Environment environment;
        private final OutputCounter output;
        private final TicketFeed feed;
        private final List<ChildJvm> instances;
        private final long began = System.nanoTime();
        private Snapshot last;
        private Duration ramp;

        Progress(Environment environment, OutputCounter output, TicketFeed feed, List<ChildJvm> instances) {
            this.environment = environment;
            this.output = output;
            this.feed = feed;
            this.instances = instances;
            this.last = environment.snapshot(output);
        }

        void runFor(Duration duration) throws InterruptedException {
            runUntil(() -> false, duration);
        }

        /** Runs until {@code done} holds (checked every interval) or {@code atMost} has passed. */
        void runUntil(java.util.function.BooleanSupplier done, Duration atMost) throws InterruptedException {
            long until = System.nanoTime() + atMost.toNanos();
            while (true) {
                long left = until - System.nanoTime();
                if (left <= 0 || done.getAsBoolean()) {
                    return;
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, PROGRESS_INTERVAL.toNanos())));
                check();
                Snapshot now = environment.snapshot(output);
                if (now.nanoTime() - last.nanoTime() >= PROGRESS_INTERVAL.toNanos() / 2) {
                    print(now);
                    noteRamp(now);
                    last = now;
                }
            }
        }

        /** Since the instances ran. */
        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - began);
        }

        Duration elapsedAt(Snapshot snapshot) {
            return Duration.ofNanos(snapshot.nanoTime() - began);
        }

        /** When both models first let 95 % of their quota through in one interval; null if never yet. */
        Duration ramp() {
            return ramp;
        }

        private void noteRamp(Snapshot now) {
            double minutes = (now.nanoTime() - last.nanoTime()) / 60e9;
            double slowest = Math.min(
                    now.embed().admitted() - last.embed().admitted(),
                    now.triage().admitted() - last.triage().admitted());
            if (ramp == null && slowest / minutes >= 0.95 * options.requestsPerMinute()) {
                ramp = elapsedAt(now);
            }
        }

        private void check() {
            for (ChildJvm instance : instances) {
                if (!instance.isAlive()) {
                    throw new IllegalStateException(instance + " stopped during the run; see its log");
                }
            }
            if (feed != null) {
                feed.check();
            }
        }

        private void print(Snapshot now) {
            double minutes = (now.nanoTime() - last.nanoTime()) / 60e9;
            out.printf(
                    Locale.ROOT,
                    "%5.0fs  embed %5.0f calls/min %5.2f%% throttled | triage %5.0f calls/min %5.2f%% throttled |"
                            + " %5.0f tickets/min out%s%n",
                    (now.nanoTime() - began) / 1e9,
                    (now.embed().admitted() - last.embed().admitted()) / minutes,
                    percent(
                            now.embed().throttled() - last.embed().throttled(),
                            now.embed().requests() - last.embed().requests()),
                    (now.triage().admitted() - last.triage().admitted()) / minutes,
                    percent(
                            now.triage().throttled() - last.triage().throttled(),
                            now.triage().requests() - last.triage().requests()),
                    (now.tickets() - last.tickets()) / minutes,
                    feed == null ? "" : String.format(Locale.ROOT, ", backlog %d", feed.sent() - now.tickets()));
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }

    /** The simulator's and the output's counts at one moment. */
    private record Snapshot(
            long nanoTime,
            SimulatorCounters embed,
            SimulatorCounters triage,
            long tickets,
            long fallbacks,
            double embedHeadroom,
            double triageHeadroom) {}

    /**
     * What one phase measured between two snapshots.
     *
     * @param warmup how long the instances ran before the measurement
     * @param ramp when both models first reached 95 % of their quota, since the instances ran; null if never
     */
    private record Phase(
            Snapshot start,
            Snapshot end,
            Environment environment,
            long requestsPerMinute,
            Duration warmup,
            Duration ramp) {

        Duration length() {
            return Duration.ofNanos(end.nanoTime() - start.nanoTime());
        }

        List<QuotaWindow> windows() {
            return List.of(
                    new QuotaWindow(
                            environment.embedModel(),
                            requestsPerMinute,
                            environment.simulatorTokens(environment.embedModel()),
                            start.embed(),
                            end.embed(),
                            length()),
                    new QuotaWindow(
                            environment.triageModel(),
                            requestsPerMinute,
                            environment.simulatorTokens(environment.triageModel()),
                            start.triage(),
                            end.triage(),
                            length()));
        }

        long tickets() {
            return end.tickets() - start.tickets();
        }

        long fallbacks() {
            return end.fallbacks() - start.fallbacks();
        }

        double ticketsPerMinute() {
            return tickets() / (length().toNanos() / 60e9);
        }
    }
}
