package io.ticketflow.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link QuotaInstance} in a child JVM on this JVM's class path. Its output goes to a log file; its status lines are
 * also echoed to {@code out}. Closing it closes the child's standard input, which stops the child cleanly; a child
 * that does not stop in time is destroyed. Thread-safe.
 */
final class InstanceProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread pump;

    private InstanceProcess(String name, Process process, Path log, PrintStream out) throws IOException {
        this.name = name;
        this.process = process;
        PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        this.pump = Thread.ofPlatform().name(name + "-output").daemon().start(() -> {
            try (logFile;
                    BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    logFile.println(line);
                    if (line.startsWith(QuotaInstance.READY)) {
                        ready.countDown();
                    } else if (line.startsWith(QuotaInstance.STATUS) || line.startsWith("QUOTA-INSTANCE STOPPED")) {
                        out.println("  " + line.substring("QUOTA-INSTANCE ".length()));
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
    }

    /**
     * Starts {@code QuotaInstance variant name properties...}.
     *
     * @param properties {@code key=value} arguments, passed as {@code --key=value}
     * @param environment added to the child's environment
     * @param log where the child's output goes
     * @param out where its status lines are echoed
     */
    static InstanceProcess start(
            String variant,
            String name,
            Map<String, String> properties,
            Map<String, String> environment,
            Path log,
            PrintStream out)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("--enable-native-access=ALL-UNNAMED");
        // As every topology launch: Lucene's SIMD vector similarities for the dedup index.
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QuotaInstance.class.getName());
        command.add(variant);
        command.add(name);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new InstanceProcess(name, builder.start(), log, out);
    }

    /** Waits until Kafka Streams runs in the child; fails if the child exits first or {@code timeout} passes. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it ran");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not reach RUNNING within " + timeout);
            }
        }
    }

    /** Whether the child still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the child: closes its input, waits for it to close Kafka Streams, destroys it if it does not. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        pump.join(TimeUnit.SECONDS.toMillis(5));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
