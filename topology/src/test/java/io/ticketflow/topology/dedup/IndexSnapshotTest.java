package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSnapshotTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path folder;

    private final Random random = new Random(11);

    @Test
    void shouldRestoreTheSavedGraphOfEveryScopeForTheTicketsTheStoreHolds() throws IOException {
        Map<String, Map<String, StoredTicket>> store = Map.of(
                "acme", tickets("acme", "A-", 40),
                "globex", tickets("globex", "G-", 30));
        IndexSnapshot snapshot = new IndexSnapshot(folder.resolve("0_1.snapshot"));
        snapshot.write(saved(store));
        Map<String, Map<String, StoredTicket>> now = new HashMap<>(store);
        now.put("acme", new HashMap<>(store.get("acme")));
        now.get("acme").remove("A-3");

        Map<String, VectorIndex> restored = snapshot.read(now);

        assertThat(restored).containsOnlyKeys("acme", "globex");
        assertThat(restored.get("acme").size()).isEqualTo(39);
        assertThat(restored.get("acme").contains("A-3")).isFalse();
        assertThat(restored.get("globex").size()).isEqualTo(30);
        StoredTicket some = store.get("globex").get("G-7");
        assertThat(restored.get("globex")
                        .nearest(some.embedding(), 1, 10)
                        .getFirst()
                        .key())
                .isEqualTo("G-7");
        assertThat(folder).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldRestoreNothingWithoutASnapshot() {
        assertThat(new IndexSnapshot(folder.resolve("0_1.snapshot")).read(Map.of("acme", tickets("acme", "A-", 5))))
                .isEmpty();
    }

    @Test
    void shouldRestoreNothingFromADamagedOrTruncatedSnapshot() throws IOException {
        Map<String, Map<String, StoredTicket>> store = Map.of("acme", tickets("acme", "A-", 40));
        IndexSnapshot snapshot = new IndexSnapshot(folder.resolve("0_1.snapshot"));
        snapshot.write(saved(store));
        Path file = snapshot.file();
        byte[] written = Files.readAllBytes(file);

        // One bit of one int8 code: still a well-formed graph, caught by the checksum alone.
        byte[] damaged = written.clone();
        damaged[written.length / 3] ^= 1;
        Files.write(file, damaged);
        assertThat(snapshot.read(store)).isEmpty();

        Files.write(file, Arrays.copyOf(written, written.length - 9));
        assertThat(snapshot.read(store)).isEmpty();

        Files.write(file, written);
        assertThat(snapshot.read(store)).containsOnlyKeys("acme");
    }

    @Test
    void shouldReplaceTheSnapshotOnEveryWrite() throws IOException {
        IndexSnapshot snapshot = new IndexSnapshot(folder.resolve("0_1.snapshot"));
        Map<String, Map<String, StoredTicket>> before = Map.of("acme", tickets("acme", "A-", 20));
        Map<String, Map<String, StoredTicket>> after = Map.of("initech", tickets("initech", "I-", 20));
        snapshot.write(saved(before));

        snapshot.write(saved(after));

        assertThat(snapshot.read(after)).containsOnlyKeys("initech");
    }

    @Test
    void shouldKeepSnapshotsBesideTheTaskFoldersWhichExactlyOnceWipesAfterACrash() {
        Path taskDirectory = folder.resolve("ticketflow").resolve("2_5");

        assertThat(IndexSnapshot.ofTask(taskDirectory, "2_5").file())
                .isEqualTo(folder.resolve("ticketflow")
                        .resolve(IndexSnapshot.DIRECTORY)
                        .resolve("2_5.snapshot"));
    }

    @Test
    void shouldDeleteTemporaryFilesAbandonedByACrashWhileWriting() throws IOException {
        IndexSnapshot snapshot = new IndexSnapshot(folder.resolve("0_1.snapshot"));
        Path abandoned = Files.writeString(folder.resolve("0_1.snapshot123.tmp"), "half a snapshot");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path inProgress = Files.writeString(folder.resolve("0_1.snapshot456.tmp"), "another writer's");

        snapshot.write(saved(Map.of("acme", tickets("acme", "A-", 5))));

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(snapshot.file()).exists();
    }

    @Test
    void shouldDeleteSnapshotsWrittenBeforeTheRetentionCutoff() throws IOException {
        Path application = folder.resolve("ticketflow");
        IndexSnapshot expired = IndexSnapshot.ofTask(application.resolve("3_0"), "3_0");
        IndexSnapshot current = IndexSnapshot.ofTask(application.resolve("3_1"), "3_1");
        expired.write(saved(Map.of("acme", tickets("acme", "A-", 5))));
        current.write(saved(Map.of("acme", tickets("acme", "B-", 5))));
        Instant cutoff = Instant.now().minus(Duration.ofDays(30));
        Files.setLastModifiedTime(expired.file(), FileTime.from(cutoff.minusSeconds(60)));

        assertThat(IndexSnapshot.deleteWrittenBefore(application, cutoff)).isOne();

        assertThat(expired.file()).doesNotExist();
        assertThat(current.file()).exists();
        assertThat(IndexSnapshot.deleteWrittenBefore(folder.resolve("no-snapshots-yet"), cutoff))
                .isZero();
    }

    @Test
    void shouldWriteACopyTakenBeforeTheIndexChanged() throws IOException {
        Map<String, Map<String, StoredTicket>> store = Map.of("acme", tickets("acme", "A-", 30));
        Map<String, DuplicateIndex> indexes = indexes(store);
        Map<String, SavedVectors> copy = IndexSnapshot.copyOf(indexes);
        StoredTicket later = tickets("acme", "L-", 1).get("L-0");
        indexes.get("acme").put(later);
        indexes.get("acme").remove("A-0");
        IndexSnapshot snapshot = new IndexSnapshot(folder.resolve("nested").resolve("0_0.snapshot"));

        snapshot.write(copy);

        Map<String, StoredTicket> now = new HashMap<>(store.get("acme"));
        now.put(later.id(), later);
        VectorIndex restored = snapshot.read(Map.of("acme", now)).get("acme");
        assertThat(restored.size()).as("the tickets of the copy, A-0 included").isEqualTo(30);
        assertThat(restored.contains("A-0")).isTrue();
        assertThat(restored.contains(later.id())).isFalse();
    }

    private static Map<String, SavedVectors> saved(Map<String, Map<String, StoredTicket>> store) {
        return IndexSnapshot.copyOf(indexes(store));
    }

    private static Map<String, DuplicateIndex> indexes(Map<String, Map<String, StoredTicket>> store) {
        Map<String, DuplicateIndex> indexes = new HashMap<>();
        store.forEach((scope, tickets) -> {
            DuplicateIndex index = new DuplicateIndex(0.5);
            index.rebuild(tickets.values());
            indexes.put(scope, index);
        });
        return indexes;
    }

    private Map<String, StoredTicket> tickets(String scope, String prefix, int count) {
        Map<String, StoredTicket> tickets = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            tickets.put(
                    id, new StoredTicket(id, scope, CREATED, "title " + i, randomUnit(12), Map.of("w" + i, 1), null));
        }
        return tickets;
    }

    private float[] randomUnit(int dimensions) {
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }
}
