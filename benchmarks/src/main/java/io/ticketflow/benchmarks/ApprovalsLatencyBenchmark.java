package io.ticketflow.benchmarks;

import io.ticketflow.approvals.ApprovalServiceApplication;
import io.ticketflow.approvals.ledger.LedgerEvent;
import io.ticketflow.approvals.ledger.LedgerTopics;
import io.ticketflow.approvals.runtime.LedgerStreams;
import io.ticketflow.approvals.security.DevTokenIssuer;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.CommittedRecords;
import io.ticketflow.testkit.KRaftBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code benchmarks/run approvals-latency [DECISIONS] [PENDING] [WARM_UP]}: the approval service's decision round
 * trip (HTTP → {@code approvals.commands} → ledger → committed {@code approvals.events} → HTTP) at 200 requests/s on
 * loopback, and {@code GET /approvals} with PENDING (default 100,000) approvals pending.
 *
 * <p>A real KRaft broker runs in a child JVM ({@link BrokerProcess}: in production the broker never shares the
 * service's JVM), the service and the HTTP client in this one. Decisions are sent open-loop on a fixed 5 ms schedule,
 * each to its own pending approval, and each latency counts from its scheduled send time, so a stall shows in the
 * figures instead of slowing the load (no coordinated omission). A closed-loop warm-up (WARM_UP decisions) is not
 * counted. Listing pages (50 items) are read one after another from the first page, following cursors, newest and
 * oldest first.
 */
public final class ApprovalsLatencyBenchmark {

    private static final String NAME = "approvals-latency";
    private static final Duration INTERVAL = Duration.ofMillis(5);
    private static final int LIST_REQUESTS = 1_000;
    private static final int WARM_UP_CONCURRENCY = 8;
    private static final String BODY = "{\"decision\":\"APPROVE\",\"expectedVersion\":1}";

    private final int decisions;
    private final int pending;
    private final int warmUp;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    ApprovalsLatencyBenchmark(int decisions, int pending, int warmUp, PrintStream out) {
        this.decisions = decisions;
        this.pending = pending;
        this.warmUp = warmUp;
        this.out = out;
    }

    public static void main(String[] args) {
        int decisions;
        int pending;
        int warmUp;
        try {
            decisions = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
            pending = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
            warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
            if (decisions < 1 || pending < 1 || warmUp < 0 || args.length > 3) {
                throw new NumberFormatException("counts must be positive");
            }
        } catch (NumberFormatException e) {
            System.err.println(NAME
                    + ": usage: benchmarks/run approvals-latency [DECISIONS=4000] [PENDING=100000] [WARM_UP=10000]");
            System.exit(2);
            return;
        }
        try {
            System.out.println(new ApprovalsLatencyBenchmark(decisions, pending, warmUp, System.out).run());
            System.exit(0);
        } catch (Exception e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Runs in a temporary folder (the broker's data and log, the ledger's state: ~150 MB with 100,000 pending), deleted
     * after a successful run and kept, with its path printed, after a failed one.
     */
    ResultLine run() throws Exception {
        Path work = Files.createTempDirectory("approvals-latency");
        ResultLine result = runIn(work);
        Utils.delete(work.toFile());
        return result;
    }

    private ResultLine runIn(Path work) throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("kafka"), work.resolve("broker.log"))) {
            out.println("broker " + broker.bootstrapServers() + " started in its own JVM (pid " + broker.pid()
                    + ", log " + work.resolve("broker.log") + ")");
            ConfigurableApplicationContext service = ApprovalServiceApplication.builder()
                    .run(
                            "--server.port=0",
                            "--ticketflow.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                            "--ticketflow.kafka.state-dir=" + work.resolve("state"),
                            "--ticketflow.dev.issuer=true",
                            "--logging.level.org.apache.kafka=WARN",
                            "--logging.level.org.apache.kafka.clients.producer.internals.Sender=ERROR");
            try {
                return measure(broker, service);
            } finally {
                service.close();
            }
        } catch (Exception | Error e) {
            System.err.println(NAME + ": kept " + work + " (broker.log, the broker's data, the ledger's state)");
            throw e;
        }
    }

    private ResultLine measure(BrokerProcess broker, ConfigurableApplicationContext service) throws Exception {
        String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        String token = service.getBean(DevTokenIssuer.class).tokenFor("alice").orElseThrow();
        int requested = pending + warmUp + decisions;
        long loadStart = System.nanoTime();
        request(broker, requested);
        awaitLedger(
                broker,
                service.getEnvironment().getProperty("ticketflow.kafka.application-id", "ticketflow-approvals"));
        out.printf("%d approvals requested and in the ledger after %d ms%n", requested, millisSince(loadStart));

        warmUp(base, token, warmUp);
        CpuUse cpu = CpuUse.start(broker);
        Outcome decided = decide(base, token, warmUp, decisions);
        out.println(cpu.stop());
        out.printf(
                "decide: %d requests at %d/s, %d not answered 200%n",
                decisions, 1000 / INTERVAL.toMillis(), decided.failures());

        printLedgerThreadMetrics(service.getBean(LedgerStreams.class));
        Hops hops = hops(broker, decided);
        double[] list = list(base, token);
        double[] decide = decided.latencies();
        return new ResultLine(NAME)
                .add("decide_p50_ms", percentile(decide, 50), 1)
                .add("decide_p99_ms", percentile(decide, 99), 1)
                .add("decide_max_ms", percentile(decide, 100), 1)
                .add("decide_errors", decided.failures())
                .add("ingress_p99_ms", percentile(hops.ingress(), 99), 1)
                .add("ledger_p99_ms", percentile(hops.ledger(), 99), 1)
                .add("answer_p99_ms", percentile(hops.answer(), 99), 1)
                .add("list_p50_ms", percentile(list, 50), 1)
                .add("list_p99_ms", percentile(list, 99), 1)
                .add("pending", pending)
                .add("rate_per_s", 1000 / INTERVAL.toMillis());
    }

    private static void request(BrokerProcess broker, int count) {
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        try (KafkaProducer<String, ApprovalRequested> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20),
                Topics.APPROVALS_REQUESTED.keySerde().serializer(),
                Topics.APPROVALS_REQUESTED.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                ApprovalRequested request =
                        ApprovalRequests.request(ticketId(i), "acme", start.plusMillis(i), Duration.ofDays(3650));
                producer.send(new ProducerRecord<>(Topics.APPROVALS_REQUESTED.name(), request.ticketId(), request));
            }
        }
    }

    /** Waits until the ledger's consumer group has committed the end of {@code approvals.requested}. */
    private static void awaitLedger(BrokerProcess broker, String group) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String topic = Topics.APPROVALS_REQUESTED.name();
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    return at != null && at.offset() >= end.getValue().offset();
                });
                if (caughtUp) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private Outcome decide(String base, String token, int first, int count) throws Exception {
        double[] latencies = new double[count];
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<CompletableFuture<Void>> answers = new ArrayList<>(count);
        long[] scheduledAt = new long[count];
        long[] answeredAt = new long[count];
        long start = System.nanoTime() + INTERVAL.toNanos();
        // Wall-clock twins of the nanosecond schedule, comparable with record timestamps.
        long epochStart = System.currentTimeMillis() + INTERVAL.toMillis();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * INTERVAL.toNanos();
            scheduledAt[i] = epochStart + (scheduled - start) / 1_000_000;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            int slot = i;
            answers.add(http.sendAsync(decision(base, token, first + i), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> {
                        latencies[slot] = (System.nanoTime() - scheduled) / 1e6;
                        answeredAt[slot] = System.currentTimeMillis();
                        statuses.computeIfAbsent(response.statusCode(), code -> new AtomicInteger())
                                .incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        out.println("decide answers by status: " + statuses);
        return new Outcome(latencies, failures.get(), first, scheduledAt, answeredAt);
    }

    /**
     * Decides approvals {@code 0 .. count - 1} closed loop, {@value #WARM_UP_CONCURRENCY} at a time: the JIT compilers
     * see every path of the service, but no backlog builds up while they are still at work, so the measured run
     * starts from a warm, idle service.
     */
    private void warmUp(String base, String token, int count) throws Exception {
        Semaphore inFlight = new Semaphore(WARM_UP_CONCURRENCY);
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            http.sendAsync(decision(base, token, i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        int status = error == null ? response.statusCode() : -1;
                        statuses.computeIfAbsent(status, code -> new AtomicInteger())
                                .incrementAndGet();
                        inFlight.release();
                    });
        }
        inFlight.acquire(WARM_UP_CONCURRENCY);
        out.printf(
                "warm-up: %d decisions closed loop (%d in flight) in %d ms, answers by status %s%n",
                count, WARM_UP_CONCURRENCY, millisSince(start), statuses);
    }

    private static HttpRequest decision(String base, String token, int approval) {
        String id = ticketId(approval);
        return HttpRequest.newBuilder(URI.create(base + "/approvals/" + id + "/decision"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + id)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    private double[] list(String base, String token) throws Exception {
        double[] latencies = new double[LIST_REQUESTS];
        String cursor = null;
        for (int i = 0; i < LIST_REQUESTS; i++) {
            boolean oldest = i % 2 == 0;
            String query = oldest
                    ? "/approvals?status=PENDING&limit=50&order=oldest" + (cursor == null ? "" : "&cursor=" + cursor)
                    : "/approvals?status=PENDING&limit=50&order=newest";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + query))
                    .header("Authorization", "Bearer " + token)
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[i] = (System.nanoTime() - sent) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("listing answered " + response.statusCode() + ": " + response.body());
            }
            // Follow the oldest-first cursor every other page, so pages deep into the ledger are measured too.
            cursor = oldest ? nextCursor(response.body()) : cursor;
        }
        return latencies;
    }

    /**
     * Where each measured decision's time went, from the records' own timestamps (all clocks are this JVM's):
     * ingress, scheduled send → command created by the HTTP handler (the command's timestamp); ledger, command →
     * applied by the ledger task (the {@code DECIDED} event's timestamp, the ledger's processing time); answer, applied
     * → HTTP answer received (transaction commit, the events reader, the response).
     */
    private Hops hops(BrokerProcess broker, Outcome decided) {
        Map<String, Long> commands = timestamps(
                CommittedRecords.read(
                        broker.bootstrapServers(),
                        LedgerTopics.APPROVALS_COMMANDS.name(),
                        LedgerTopics.APPROVALS_COMMANDS.valueSerde().deserializer()),
                record -> true);
        Map<String, Long> applied = timestamps(
                CommittedRecords.read(
                        broker.bootstrapServers(),
                        LedgerTopics.APPROVALS_EVENTS.name(),
                        LedgerTopics.APPROVALS_EVENTS.valueSerde().deserializer()),
                record -> record.value() != null && record.value().kind() == LedgerEvent.Kind.DECIDED);
        int count = decided.latencies().length;
        double[] ingress = new double[count];
        double[] ledger = new double[count];
        double[] answer = new double[count];
        for (int i = 0; i < count; i++) {
            String id = ticketId(decided.first() + i);
            long created = commands.getOrDefault(id, Long.MAX_VALUE);
            long done = applied.getOrDefault(id, Long.MAX_VALUE);
            ingress[i] = created - decided.scheduledAt()[i];
            ledger[i] = done - created;
            answer[i] = decided.answeredAt()[i] - done;
        }
        Hops hops = new Hops(ingress, ledger, answer);
        out.printf(
                "hops p50/p99 ms: ingress %.0f/%.0f, ledger %.0f/%.0f, answer %.0f/%.0f%n",
                percentile(ingress, 50),
                percentile(ingress, 99),
                percentile(ledger, 50),
                percentile(ledger, 99),
                percentile(answer, 50),
                percentile(answer, 99));
        return hops;
    }

    /** Kafka Streams' own view of the ledger's stream threads over the last 30 s (its metrics' sample window). */
    private void printLedgerThreadMetrics(LedgerStreams ledger) {
        Set<String> wanted = Set.of(
                "commit-latency-avg",
                "commit-latency-max",
                "commit-rate",
                "commit-ratio",
                "poll-rate",
                "poll-latency-avg",
                "process-rate",
                "process-records-avg");
        Map<String, String> values = new java.util.TreeMap<>();
        ledger.streams().metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && wanted.contains(name.name())) {
                values.put(name.name(), String.format("%.1f", ((Number) metric.metricValue()).doubleValue()));
            }
        });
        out.println("ledger stream thread (last 30 s): " + values);
    }

    /** The last timestamp of each key among the records that pass {@code keep}. */
    private static <V> Map<String, Long> timestamps(
            List<ConsumerRecord<String, V>> records, Predicate<ConsumerRecord<String, V>> keep) {
        Map<String, Long> timestamps = new java.util.HashMap<>();
        records.stream().filter(keep).forEach(record -> timestamps.put(record.key(), record.timestamp()));
        return timestamps;
    }

    /** Cores used by this JVM (service and client) and by the broker's while something ran. */
    private record CpuUse(BrokerProcess broker, long startNanos, Duration service, Duration brokerCpu) {

        static CpuUse start(BrokerProcess broker) {
            return new CpuUse(broker, System.nanoTime(), ownCpu(), broker.cpu());
        }

        String stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return String.format(
                    "cores used while deciding: service and client %.2f, broker %.2f (of %d)",
                    (ownCpu().minus(service).toMillis() / 1e3) / seconds,
                    (broker.cpu().minus(brokerCpu).toMillis() / 1e3) / seconds,
                    Runtime.getRuntime().availableProcessors());
        }

        private static Duration ownCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    private record Hops(double[] ingress, double[] ledger, double[] answer) {}

    private static String nextCursor(String body) {
        int at = body.indexOf("\"nextCursor\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + "\"nextCursor\":\"".length();
        return body.substring(from, body.indexOf('"', from));
    }

    private static String ticketId(int i) {
        return String.format("TCK-B%07d", i);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The measured decisions: latencies from the schedule, and for each decision {@code i} (approval
     * {@code first + i}) its scheduled and answered wall-clock times.
     */
    private record Outcome(double[] latencies, int failures, int first, long[] scheduledAt, long[] answeredAt) {}

    /**
     * The KRaft broker in a child JVM ({@link ChildJvm}), as in a real deployment, where the broker never shares the
     * service's JVM (its garbage collections, JIT compilations and heap).
     */
    record BrokerProcess(ChildJvm jvm, String bootstrapServers) implements AutoCloseable {

        private static final String READY = "BROKER READY ";

        /**
         * The heap and collector settings Kafka's own start scripts give a broker ({@code kafka-server-start.sh}:
         * {@code -Xms1G -Xmx1G}, G1 with a 20 ms pause goal, marking from 35 % occupancy), as a production broker runs.
         * With the JVM's defaults instead (a heap starting at 1/64 of the machine's memory, a 200 ms pause goal), the
         * broker collected every 2 s, 12–27 ms each, and every decision in flight waited for it.
         */
        private static final String JVM_OPTIONS =
                "-Xms1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35";

        private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

        /** The child's entry point: {@code BrokerProcess DATA_DIRECTORY}; runs until its standard input closes. */
        public static void main(String[] args) throws IOException {
            try (KRaftBroker broker =
                    KRaftBroker.builder().dataDirectory(Path.of(args[0])).start()) {
                System.out.println(READY + broker.bootstrapServers());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // the parent never writes: wait for it to close the stream (or die)
                }
            }
            System.exit(0);
        }

        /** Starts a broker keeping its data in {@code data}, its output in {@code log}; blocks until it is ready. */
        static BrokerProcess start(Path data, Path log) throws IOException, InterruptedException {
            ChildJvm jvm = ChildJvm.start(
                    "broker",
                    BrokerProcess.class,
                    List.of(data.toString()),
                    Map.of("JDK_JAVA_OPTIONS", JVM_OPTIONS),
                    log,
                    READY,
                    line -> {});
            try {
                return new BrokerProcess(jvm, jvm.awaitReady(START_TIMEOUT));
            } catch (IllegalStateException e) {
                jvm.close();
                throw new IllegalStateException(e.getMessage() + "; see " + log, e);
            }
        }

        long pid() {
            return jvm.pid();
        }

        /** CPU time the broker's JVM has used so far. */
        Duration cpu() {
            return jvm.cpu();
        }

        @Override
        public void close() throws InterruptedException {
            jvm.close();
        }
    }
}
