package io.ticketflow.topology.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup task's HNSW graphs saved on the machine, so that a task starting there again reads them back instead of
 * linking every stored embedding again — the slow part of rebuilding the index (at a million tickets, many minutes on
 * two cores, against seconds to read).
 *
 * <p><b>Where.</b> Beside the tasks' state folders, not in one: {@code <state.dir>/<application.id>/}{@value
 * #DIRECTORY}{@code /<task>.snapshot}. Under exactly-once, Kafka Streams deletes a task's whole folder when the task
 * was not closed cleanly (a crash, a kill), since its stores may hold uncommitted writes; the snapshot, kept out of it,
 * survives that, and Kafka Streams leaves folders that are not task folders alone.
 *
 * <p><b>The store stays the truth</b>: a snapshot is only a head start. Whatever it says is checked against the store
 * on reading ({@link VectorIndex#restore} keeps a node only while the store's embedding of its ticket still has the
 * saved code), tickets it does not hold are linked as before, and any doubt about the file — missing, truncated,
 * checksum or structure wrong, written by another format — means a full rebuild from the store, never a wrong answer.
 * So it may be stale (older than the store), ahead of it (written from tickets whose transaction was then aborted), or
 * gone (a new machine): all of these only cost time.
 *
 * <p>Format: a magic number and version, then per scope its name and {@link SavedVectors#write} bytes, then a CRC-32C
 * of everything before it. Written to a temporary file and moved into place, so a crash while writing leaves the
 * previous snapshot or none (and a temporary file, which a write an hour later or more removes).
 */
public final class IndexSnapshot {

    /** The folder of the snapshots, in the application's state folder. */
    public static final String DIRECTORY = "dedup-index";

    private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshot.class);
    private static final int MAGIC = 0x54464458; // "TFDX"
    /** 2: each index saves its walk basis. Version 1 snapshots are refused (a full rebuild, once, after the upgrade). */
    private static final int VERSION = 2;

    private static final int MAX_SCOPES = 1 << 20;
    private static final int BUFFER = 1 << 16;
    /** Far longer than any write takes: a temporary file this old is no write in progress. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path file;

    /** A snapshot in {@code file}. */
    public IndexSnapshot(Path file) {
        this.file = file;
    }

    /** The snapshot of task {@code taskId}, whose state folder is {@code taskDirectory}. */
    public static IndexSnapshot ofTask(Path taskDirectory, String taskId) {
        return new IndexSnapshot(
                taskDirectory.toAbsolutePath().getParent().resolve(DIRECTORY).resolve(taskId + ".snapshot"));
    }

    /**
     * Deletes the snapshots in {@code applicationStateDir} last written before {@code cutoff} (now minus the dedup
     * retention): every ticket they held was indexed before then and has expired since, so they can only cost a read.
     * Snapshots of tasks that moved to other machines are not written any more, and end this way.
     *
     * @return how many were deleted
     */
    public static int deleteWrittenBefore(Path applicationStateDir, Instant cutoff) throws IOException {
        Path folder = applicationStateDir.resolve(DIRECTORY);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> deleted = deleteModifiedBefore(folder, "*.snapshot", cutoff);
        deleted.forEach(snapshot -> LOG.info(
                "Deleted dedup index snapshot {}: written before {}, all it held has expired", snapshot, cutoff));
        return deleted.size();
    }

    /** Where the snapshot is. */
    public Path file() {
        return file;
    }

    /**
     * A copy of the embeddings' graph of every scope that has one ({@link DuplicateIndex#saveVectors}), for {@link
     * #write}, which may then run on another thread.
     */
    public static Map<String, SavedVectors> copyOf(Map<String, DuplicateIndex> scopes) {
        Map<String, SavedVectors> saved = new HashMap<>();
        scopes.forEach((scope, index) -> {
            if (index.hasVectors()) {
                saved.put(scope, index.saveVectors());
            }
        });
        return saved;
    }

    /** Saves the embeddings' graphs of the scopes, replacing the previous snapshot. */
    public void write(Map<String, SavedVectors> scopes) throws IOException {
        Files.createDirectories(file.getParent());
        deleteAbandonedTemporaryFiles();
        // A name of its own: a task that became active here may write while the standby pass still does.
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        CRC32C checksum = new CRC32C();
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, checksum))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(scopes.size());
            for (Map.Entry<String, SavedVectors> scope : scopes.entrySet()) {
                out.writeUTF(scope.getKey());
                scope.getValue().write(out);
            }
            // The checksum of every byte before it (the data stream does not buffer, so it is current here).
            out.writeLong(checksum.getValue());
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temporary files of this snapshot left by a crash while writing: any older than {@link #ABANDONED}. */
    private void deleteAbandonedTemporaryFiles() throws IOException {
        deleteModifiedBefore(
                file.getParent(), file.getFileName() + "*.tmp", Instant.now().minus(ABANDONED));
    }

    /** Deletes the files of {@code folder} matching {@code glob} last modified before {@code cutoff}. */
    private static List<Path> deleteModifiedBefore(Path folder, String glob, Instant cutoff) throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path candidate : files) {
                if (Files.getLastModifiedTime(candidate).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(candidate)) {
                    deleted.add(candidate);
                }
            }
        }
        return deleted;
    }

    /**
     * The saved indexes, per scope, restored for the tickets the store holds now ({@code tickets}: scope → id →
     * ticket): only the scopes whose saved index is still worth using; empty when there is no usable snapshot, which is
     * logged with its reason.
     */
    public Map<String, VectorIndex> read(Map<String, Map<String, StoredTicket>> tickets) {
        CRC32C checksum = new CRC32C();
        try (InputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER);
                DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, checksum))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a dedup index snapshot of version " + VERSION);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_SCOPES) {
                throw new IOException("a snapshot of " + count + " scopes");
            }
            Map<String, VectorIndex> restored = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String scope = in.readUTF();
                Map<String, StoredTicket> stored = tickets.getOrDefault(scope, Map.of());
                VectorIndex.restore(in, id -> embeddingOf(stored.get(id)))
                        .ifPresent(index -> restored.put(scope, index));
            }
            long computed = checksum.getValue();
            if (new DataInputStream(buffered).readLong() != computed) {
                throw new IOException("checksum mismatch");
            }
            return restored;
        } catch (NoSuchFileException e) {
            LOG.info("No dedup index snapshot {}: the index is rebuilt from the store", file);
            return Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dedup index snapshot {} not used ({}): the index is rebuilt from the store", file, e.toString());
            return Map.of();
        }
    }

    private static float[] embeddingOf(StoredTicket ticket) {
        return ticket == null ? null : ticket.embedding();
    }
}
