package io.ticketflow.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one folder a single-node broker keeps its metadata log and topic data in: either a folder the caller owns and
 * reuses across runs, or a temporary one that {@link #close()} deletes.
 *
 * <p>Not thread-safe; the broker fixture uses it from the thread that starts or closes the broker.
 */
public final class BrokerStorage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

    private final Path directory;
    private final boolean temporary;

    private BrokerStorage(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    /** A new, empty folder under the system's temporary folder, deleted by {@link #close()}. */
    public static BrokerStorage temporary() {
        try {
            return new BrokerStorage(Files.createTempDirectory("ticketflow-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the Kafka broker", e);
        }
    }

    /** The folder {@code directory}, created if missing and kept by {@link #close()}. */
    public static BrokerStorage at(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data folder " + absolute, e);
        }
        return new BrokerStorage(absolute, false);
    }

    /** The folder, absolute. */
    public Path directory() {
        return directory;
    }

    /** Whether {@link #close()} deletes the folder. */
    public boolean isTemporary() {
        return temporary;
    }

    /**
     * Formats the folder for node {@link BrokerProperties#NODE_ID} with a static controller quorum, unless it is
     * formatted already, and returns the cluster id it belongs to.
     *
     * <p>A formatted folder keeps its cluster id, so topics and offsets survive a restart; formatting it again with a
     * new id would make the broker refuse to start.
     *
     * @throws IllegalStateException if the folder cannot be formatted, for example because it was formatted for
     *     another node id
     */
    public String formatIfNeeded() {
        Optional<String> existing = existingClusterId();
        String clusterId = existing.orElseGet(() -> Uuid.randomUuid().toString());
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory.toString())
                    .addDirectory(directory.toString())
                    .setIgnoreFormatted(true)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // Static voters (controller.quorum.voters): the controller port may change between runs.
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + directory + ": " + e.getMessage(), e);
        }
        formatterOutput.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.debug("Formatter: {}", line));
        if (existing.isPresent()) {
            log.info("Reusing Kafka storage in {} (cluster id {})", directory, clusterId);
        } else {
            log.info("Formatted Kafka storage in {} (cluster id {})", directory, clusterId);
        }
        return clusterId;
    }

    /** Deletes the folder and everything in it if it is temporary; otherwise does nothing. Idempotent. */
    @Override
    public void close() {
        if (temporary && Files.exists(directory)) {
            deleteRecursively(directory);
        }
    }

    private Optional<String> existingClusterId() {
        try {
            return new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(List.of(directory.toString()))
                    .load()
                    .clusterId();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Kafka storage metadata in " + directory, e);
        }
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary Kafka folder " + root, e);
        }
    }
}
