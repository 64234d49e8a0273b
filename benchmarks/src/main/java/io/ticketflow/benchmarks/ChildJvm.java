package io.ticketflow.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.function.Consumer;

/**
 * A main class run in a child JVM on this JVM's class path: a benchmark's topology instances and its broker, which in
 * production never share a JVM with what they are measured against. The child's output goes to a log file, and each
 * line to a listener; the child says it is ready with a line starting with a given prefix. Closing it closes the
 * child's standard input, which the child takes as its signal to stop cleanly; a child that does not stop in time is
 * destroyed. Thread-safe.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String readyLine;
    private final Thread pump;

    private ChildJvm(String name, Process process, Path log, String readyPrefix, Consumer<String> onLine)
            throws IOException {
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
                    if (ready.getCount() > 0 && line.startsWith(readyPrefix)) {
                        readyLine = line.substring(readyPrefix.length()).trim();
                        ready.countDown();
                    }
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
    }

    /**
     * Starts {@code mainClass arguments...}.
     *
     * @param name names the child in messages and its output thread
     * @param environment added to the child's environment
     * @param log where the child's output goes
     * @param readyPrefix how the line the child prints once it is ready starts ({@link #awaitReady})
     * @param onLine called with every line of the child's output, on the thread that copies it to the log
     */
    static ChildJvm start(
            String name,
            Class<?> mainClass,
            List<String> arguments,
            Map<String, String> environment,
            Path log,
            String readyPrefix,
            Consumer<String> onLine)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("--enable-native-access=ALL-UNNAMED");
        // As every topology launch: Lucene's SIMD vector similarities for the dedup index.
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildJvm(name, builder.start(), log, readyPrefix, onLine);
    }

    /**
     * Waits until the child prints its ready line; fails if the child exits first or {@code timeout} passes.
     *
     * @return the rest of the ready line, after its prefix
     */
    String awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout);
            }
        }
        return readyLine;
    }

    /** Whether the child still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the child has used so far. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Stops the child: closes its input, waits for it to stop, destroys it if it does not. */
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
