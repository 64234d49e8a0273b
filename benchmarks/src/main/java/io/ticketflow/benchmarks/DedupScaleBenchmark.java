package io.ticketflow.benchmarks;

import io.ticketflow.schemas.serde.JsonSerde;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.dedup.DuplicateIndex;
import io.ticketflow.topology.dedup.IndexSnapshot;
import io.ticketflow.topology.dedup.SavedVectors;
import io.ticketflow.topology.dedup.StoredTicket;
import io.ticketflow.topology.dedup.TextTerms;
import io.ticketflow.topology.dedup.VectorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;

/**
 * {@code benchmarks/run dedup-scale [--count N] [--rebuilt R] [--dimensions D | --like FOLDER] [--words FOLDER]
 * [--queries Q] [--search-width W]}: the dedup stage's index at scale — the latency of one ticket's lookup + insert,
 * the recall of its approximate search against exact search at the duplicate threshold, the heap each stored ticket
 * takes, and the time to rebuild the index from the store.
 *
 * <p>The vectors are <b>synthetic</b>, not model output: {@code N / 50} topics, each ticket one of a topic's (two
 * tickets of a topic have cosines around 0.6: related, not duplicates); one ticket in ten is a planted near-duplicate
 * of an earlier one (cosine about 0.95), so that "matches above the threshold" exist. By default the topics' centres
 * are random directions in D dimensions ({@link RandomTopics}: tickets of different topics at cosine 0, no gradient
 * between topics for a graph search to follow); with {@code --like FOLDER} the tickets follow the mean and covariance
 * of the real embeddings of a dedup-format folder's reports ({@link FittedTopics}). Each ticket has eight words: five
 * of its topic's and three of its own (a near-duplicate shares its original's); with {@code --words FOLDER} instead
 * the analysed words of a random report of that folder, so that the lexical candidates and similarities cost what
 * real tickets' words cost.
 *
 * <p>Everything goes through the product's code with the default {@link DedupSettings} (but for {@code
 * --search-width}, {@code ticketflow.dedup.search-width}), in the order a task lives:
 *
 * <ol>
 *   <li><b>Cold rebuild</b> ({@code cold_rebuild_s}): the first {@code R} tickets (by default 90 %) are serialised
 *       with the dedup store's serde (the store's value bytes); then the time to deserialise them all, {@link
 *       DuplicateIndex#rebuild} from them and answer the first lookup (which fits the index's walk basis and links the
 *       rebuilt vectors into the HNSW graph; {@code walk_dimensions} says how long its codes came out) — the
 *       initialisation of a task on a machine new to it, less RocksDB's iteration. Then its {@link
 *       IndexSnapshot} is saved, as the task does every snapshot interval and when it closes: the copy the stream
 *       thread makes ({@code copy_s}), then the write ({@code save_s}, {@code snapshot_mb}).
 *   <li><b>Rebuild</b> ({@code rebuild_s}): the same from the store values and the snapshot — a task restarting on
 *       the machine that closed it, which takes the graph's links from the snapshot (checked against the store).
 *   <li><b>Lookup + insert</b> ({@code p50_ms}, {@code p99_ms}): each of the other {@code N − R} is looked up and
 *       put with {@link DuplicateIndex#bestThenPut} (the top {@code candidates}), one by one, as the dedup processor
 *       does (one graph search links the ticket and finds its candidates); the index holds R to N tickets
 *       meanwhile. A small {@code R} measures a graph built as a running task builds it, ticket by ticket;
 *       the default, one mostly linked in bulk, as after a cold rebuild.
 *   <li><b>Heap</b> ({@code bytes_per_ticket}): used heap after garbage collection with all N indexed, minus before,
 *       over N — the whole in-memory ticket (embedding, int8 code, graph links, words, maps).
 *   <li><b>Recall</b>: {@code Q} fresh near-duplicate queries, each looked up and put as a ticket is, then removed
 *       again; for each, every earlier ticket whose exact cosine reaches {@value #RECALL_COSINE} (a near-duplicate),
 *       found by brute force, should be among the {@value DuplicateIndex#POOL} nearest the index's graph search
 *       answered (the queries carry no words, so no lexical candidate makes up for a miss of the graph). A fixed
 *       cosine, not the duplicate threshold: that threshold applies to a match's distinctiveness (cosine minus the
 *       mean of the nearest), not to its cosine.
 * </ol>
 *
 * <p>1,000,000 tickets need about 12 GB of heap ({@code benchmarks/run --heap 12g dedup-scale}): the serialised store
 * and the index are both held while the rebuild runs.
 */
public final class DedupScaleBenchmark {

    /** The cosine from which a stored ticket is a near-duplicate the search must not miss. */
    static final double RECALL_COSINE = 0.91;

    private static final String NAME = "dedup-scale";
    /** The topic name handed to the serde, as for the dedup store's changelog. */
    private static final String CHANGELOG = "dedup-tickets-changelog";

    private static final String SCOPE = "scale";

    private static final int TOPIC_SIZE = 50;
    /** Generated tickets whose shape (mean cosine, participation ratio) the run prints. */
    private static final int SHAPE_SAMPLE = 2_000;

    private static final double DUPLICATE_NOISE_MIN = 0.010;
    private static final double DUPLICATE_NOISE_MAX = 0.020;
    private static final int DUPLICATE_EVERY = 10;
    private static final Instant CREATED = Instant.parse("2026-11-23T00:00:00Z");

    private final int count;
    /** Tickets rebuilt from the store; the rest arrive one by one. */
    private final int rebuilt;

    private final int dimensions;
    private final int queries;
    private final Random random = new Random(42);
    private final TopicModel model;
    private final float[][] topics;
    /** The analysed words of real reports that tickets take theirs from ({@code --words}), or empty: synthetic ones. */
    private final List<Map<String, Integer>> reportWords;

    private final DedupSettings settings;

    private DedupScaleBenchmark(
            int count,
            int rebuilt,
            TopicModel model,
            List<Map<String, Integer>> reportWords,
            int queries,
            DedupSettings settings) {
        this.count = count;
        this.reportWords = reportWords;
        this.rebuilt = rebuilt;
        this.settings = settings;
        this.dimensions = model.dimensions();
        this.queries = queries;
        this.model = model;
        this.topics = new float[Math.max(1, count / TOPIC_SIZE)][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = model.centre(random);
        }
    }

    public static void main(String[] args) {
        try {
            int count = option(args, "--count", 1_000_000);
            int queries = option(args, "--queries", 500);
            int rebuilt = option(args, "--rebuilt", count - count / 10);
            if (count < 100 || queries < 1) {
                throw new IllegalArgumentException("--count must be at least 100, --queries 1");
            }
            if (rebuilt < 1 || rebuilt >= count) {
                throw new IllegalArgumentException(
                        "--rebuilt must be at least 1 and less than --count (" + count + "), was " + rebuilt);
            }
            DedupSettings settings =
                    new DedupSettings(null, null, null, null, null, null, null, number(args, "--search-width"));
            System.out.println(
                    new DedupScaleBenchmark(count, rebuilt, topicModel(args), reportWords(args), queries, settings)
                            .run());
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(2);
        } catch (Exception | OutOfMemoryError e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * The words of every report of the folder {@code --words} names, analysed as the dedup stage analyses a ticket's
     * text; empty without {@code --words}.
     */
    private static List<Map<String, Integer>> reportWords(String[] args) throws IOException {
        String folder = stringOption(args, "--words");
        if (folder == null) {
            return List.of();
        }
        TextTerms analyser = new TextTerms();
        return BugReports.read(Path.of(folder)).reports().stream()
                .map(report -> Map.copyOf(analyser.of(ReportEmbeddings.textOf(report))))
                .filter(words -> !words.isEmpty())
                .toList();
    }

    /** Random topics of {@code --dimensions} (default 384), or topics fitted to the embeddings of {@code --like}. */
    private static TopicModel topicModel(String[] args) throws IOException, InterruptedException {
        String like = stringOption(args, "--like");
        if (like == null) {
            return new RandomTopics(option(args, "--dimensions", 384));
        }
        if (stringOption(args, "--dimensions") != null) {
            throw new IllegalArgumentException("--like takes its dimensions from the embeddings; drop --dimensions");
        }
        Path folder = Path.of(like);
        return FittedTopics.fit(
                ReportEmbeddings.of(BugReports.read(folder)),
                folder.getFileName().toString());
    }

    private ResultLine run() throws IOException {
        boolean vectorApi =
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        System.out.println(model.description());
        System.out.printf(
                "%d tickets of %d dimensions, %d topics, a near-duplicate every %d; duplicate threshold %.2f,"
                        + " semantic weight %.2f, search width %d; max heap %d MB, %d processors, Vector API %s%n",
                count,
                dimensions,
                topics.length,
                DUPLICATE_EVERY,
                settings.duplicateThreshold(),
                settings.semanticWeight(),
                settings.searchWidth(),
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                vectorApi ? "on" : "off");
        long heapBefore = usedHeap();
        List<StoredTicket> generated = generate();
        Moments shape = shapeOf(generated);
        double wordsPerTicket = generated.stream()
                .mapToInt(ticket -> ticket.terms().size())
                .average()
                .orElse(0);
        System.out.printf(
                "words: %s, %.1f distinct a ticket%n",
                reportWords.isEmpty() ? "synthetic" : "of " + reportWords.size() + " real reports", wordsPerTicket);
        System.out.printf(
                "generated tickets: mean cosine %.3f, participation ratio %.1f (of %d generated, near-duplicates"
                        + " excluded)%n",
                shape.meanCosine(), shape.participationRatio(), SHAPE_SAMPLE);
        List<byte[]> store = serialise(generated, rebuilt);
        List<StoredTicket> arriving = new ArrayList<>(generated.subList(rebuilt, count));
        generated.clear();

        List<StoredTicket> tickets = new ArrayList<>(count);
        Path snapshotDirectory = Files.createTempDirectory("dedup-scale");
        IndexSnapshot snapshot = new IndexSnapshot(snapshotDirectory.resolve("0_0.snapshot"));
        ColdStart cold = coldStart(store, tickets, snapshot);
        store = serialise(tickets, tickets.size());
        tickets.clear();

        DuplicateIndex index = new DuplicateIndex(settings.semanticWeight(), settings.searchWidth());
        double rebuildSeconds = rebuild(store, index, tickets, snapshot);
        // The index holds its own copy of each ticket's words; the heap measured must not count the ones read here.
        tickets.replaceAll(DedupScaleBenchmark::withoutWords);
        store.clear();
        Files.delete(snapshot.file());
        Files.delete(snapshotDirectory);

        long[] nanos = new long[arriving.size()];
        for (int i = 0; i < nanos.length; i++) {
            StoredTicket ticket = arriving.get(i);
            long t0 = System.nanoTime();
            index.bestThenPut(ticket, settings.candidates());
            nanos[i] = System.nanoTime() - t0;
            tickets.add(withoutWords(ticket));
        }
        arriving.clear();
        long heapAfter = usedHeap();
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6;
        double max = nanos[nanos.length - 1] / 1e6;
        double bytesPerTicket = (heapAfter - heapBefore) / (double) count;
        System.out.printf(
                "lookup + insert (last %,d, one by one): p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
                        + " heap %.0f bytes per ticket%n",
                nanos.length, p50, p99, max, bytesPerTicket);

        Recall recall = recall(index, tickets);
        System.out.printf(
                "recall at cosine >= %.2f: %d of %d exact matches found by %d queries%n",
                RECALL_COSINE, recall.found, recall.expected, queries);
        return new ResultLine(NAME)
                .add("p50_ms", p50, 3)
                .add("p99_ms", p99, 3)
                .add("max_ms", max, 3)
                .add("recall", recall.rate(), 4)
                .add("bytes_per_ticket", Math.round(bytesPerTicket))
                .add("rebuild_s", rebuildSeconds, 2)
                .add("cold_rebuild_s", cold.rebuildSeconds(), 2)
                .add("copy_s", cold.copySeconds(), 2)
                .add("save_s", cold.saveSeconds(), 2)
                .add("snapshot_mb", cold.snapshotMegabytes(), 1)
                .add("count", count)
                .add("rebuilt", rebuilt)
                .add("dimensions", dimensions)
                .add("walk_dimensions", index.walkDimensions())
                .add("search_width", settings.searchWidth())
                .add("exact_matches", recall.expected)
                .add("recall_cosine", RECALL_COSINE, 2)
                .add("mean_cosine", shape.meanCosine(), 3)
                .add("participation_ratio", shape.participationRatio(), 1)
                .add("words_per_ticket", wordsPerTicket, 1)
                .add("vector_api", vectorApi ? 1 : 0)
                .add("processors", Runtime.getRuntime().availableProcessors());
    }

    /** {@code ticket} with no words: all the recall measurement needs, and no copy of what the index holds. */
    private static StoredTicket withoutWords(StoredTicket ticket) {
        return new StoredTicket(
                ticket.id(), ticket.scope(), ticket.created(), ticket.title(), ticket.embedding(), Map.of(), null);
    }

    /** All {@code count} tickets, in arrival order. */
    private List<StoredTicket> generate() {
        List<StoredTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(next(i, tickets));
        }
        return tickets;
    }

    /**
     * The dedup store's value bytes of the first {@code stored} tickets, dropping each ticket once serialised (so the
     * heap holds one form of each at a time).
     */
    private static List<byte[]> serialise(List<StoredTicket> tickets, int stored) {
        JsonSerde<StoredTicket> serde = JsonSerde.of(StoredTicket.class);
        List<byte[]> store = new ArrayList<>(stored);
        for (int i = 0; i < stored; i++) {
            store.add(serde.serialize(CHANGELOG, tickets.get(i)));
            tickets.set(i, null);
        }
        return store;
    }

    /**
     * A task's first start on a machine: the rebuild without a snapshot, and saving one: the copy the stream thread
     * makes, then the write (on a background thread in the task).
     */
    private record ColdStart(double rebuildSeconds, double copySeconds, double saveSeconds, double snapshotMegabytes) {}

    /**
     * Rebuilds an index from {@code store} alone, as a task does on a machine new to it, then saves its snapshot as the
     * task does when it closes; the tickets read are added to {@code read}.
     */
    private ColdStart coldStart(List<byte[]> store, List<StoredTicket> read, IndexSnapshot snapshot)
            throws IOException {
        DuplicateIndex index = new DuplicateIndex(settings.semanticWeight(), settings.searchWidth());
        double rebuildSeconds = rebuild(store, index, read, null);
        long started = System.nanoTime();
        Map<String, SavedVectors> copy = IndexSnapshot.copyOf(Map.of(SCOPE, index));
        long copied = System.nanoTime();
        snapshot.write(copy);
        double copySeconds = (copied - started) / 1e9;
        double saveSeconds = (System.nanoTime() - copied) / 1e9;
        double megabytes = Files.size(snapshot.file()) / 1e6;
        System.out.printf(
                "copied the index for its snapshot in %.2f s, wrote the snapshot (%.1f MB) in %.2f s%n",
                copySeconds, megabytes, saveSeconds);
        return new ColdStart(rebuildSeconds, copySeconds, saveSeconds, megabytes);
    }

    /**
     * Seconds a task's initialisation takes until it can answer, as {@code DedupProcessor} does it: deserialise every
     * store value, read the {@code snapshot} (if any) for them, {@link DuplicateIndex#rebuild} from both, and the first
     * lookup (which links whatever the snapshot did not hold into the HNSW graph). The store values are dropped as they
     * are read; the tickets read are added to {@code read}.
     */
    private static double rebuild(
            List<byte[]> store, DuplicateIndex index, List<StoredTicket> read, IndexSnapshot snapshot) {
        JsonSerde<StoredTicket> serde = JsonSerde.of(StoredTicket.class);
        usedHeap();
        long started = System.nanoTime();
        Map<String, StoredTicket> byId = new HashMap<>(store.size() * 2);
        for (int i = 0; i < store.size(); i++) {
            StoredTicket ticket = serde.deserialize(CHANGELOG, store.get(i));
            read.add(ticket);
            byId.put(ticket.id(), ticket);
            store.set(i, null);
        }
        long deserialised = System.nanoTime();
        Map<String, VectorIndex> restored = snapshot == null ? Map.of() : snapshot.read(Map.of(SCOPE, byId));
        long snapshotRead = System.nanoTime();
        index.rebuild(read, restored.get(SCOPE));
        StoredTicket first = read.getFirst();
        index.best(first.embedding(), first.terms(), 1);
        long ended = System.nanoTime();
        System.out.printf(
                "rebuilt %,d tickets from serialised store values%s in %.2f s (deserialise %.2f s, read snapshot"
                        + " %.2f s with %,d of them, index %.2f s)%n",
                index.size(),
                snapshot == null ? " alone" : " and the snapshot",
                (ended - started) / 1e9,
                (deserialised - started) / 1e9,
                (snapshotRead - deserialised) / 1e9,
                restored.values().stream().mapToInt(VectorIndex::size).sum(),
                (ended - snapshotRead) / 1e9);
        return (ended - started) / 1e9;
    }

    /**
     * Fresh near-duplicates of random stored tickets, looked up and put by the index as the dedup stage does (then
     * removed again, so that no query is another's match), and searched exactly.
     */
    private Recall recall(DuplicateIndex index, List<StoredTicket> tickets) {
        Recall recall = new Recall();
        for (int q = 0; q < queries; q++) {
            StoredTicket original = tickets.get(random.nextInt(tickets.size()));
            float[] query = nearDuplicateOf(original.embedding());
            String id = "Q-" + q;
            // No words: the query's would be its original's, and the lexical candidates would find the original
            // whatever the graph missed. The recall measured is the HNSW search's alone.
            StoredTicket asked = new StoredTicket(id, SCOPE, CREATED, id, query, Map.of(), null);
            Set<String> found = new HashSet<>();
            for (DuplicateIndex.Match match : index.bestThenPut(asked, DuplicateIndex.POOL)) {
                found.add(match.ticket().id());
            }
            index.remove(id);
            for (StoredTicket stored : tickets) {
                if (VectorUtil.dotProduct(query, stored.embedding()) >= RECALL_COSINE) {
                    recall.expected++;
                    if (found.contains(stored.id())) {
                        recall.found++;
                    }
                }
            }
        }
        return recall;
    }

    /** The {@code i}th ticket: a near-duplicate of an earlier one every {@value #DUPLICATE_EVERY}th, else new. */
    private StoredTicket next(int i, List<StoredTicket> earlier) {
        String id = "T-" + i;
        if (plantsDuplicate(i) && !earlier.isEmpty()) {
            StoredTicket original = earlier.get(random.nextInt(earlier.size()));
            return new StoredTicket(
                    id, SCOPE, CREATED, id, nearDuplicateOf(original.embedding()), original.terms(), null);
        }
        int topic = random.nextInt(topics.length);
        float[] vector = model.ticket(topics[topic], random);
        if (!reportWords.isEmpty()) {
            return new StoredTicket(
                    id, SCOPE, CREATED, id, vector, reportWords.get(random.nextInt(reportWords.size())), null);
        }
        Map<String, Integer> terms = new HashMap<>();
        for (int w = 0; w < 5; w++) {
            terms.put("topic" + topic + "w" + random.nextInt(20), 1);
        }
        for (int w = 0; w < 3; w++) {
            terms.put("word" + random.nextInt(200_000), 1);
        }
        return new StoredTicket(id, SCOPE, CREATED, id, vector, terms, null);
    }

    private float[] nearDuplicateOf(float[] original) {
        double noise = DUPLICATE_NOISE_MIN + random.nextDouble() * (DUPLICATE_NOISE_MAX - DUPLICATE_NOISE_MIN);
        return TopicModel.around(original, noise, random);
    }

    /** Whether the {@code i}th ticket is a planted near-duplicate of an earlier one. */
    private static boolean plantsDuplicate(int i) {
        return i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1;
    }

    /** The moments of the first {@value #SHAPE_SAMPLE} tickets that are not planted near-duplicates. */
    private static Moments shapeOf(List<StoredTicket> tickets) {
        float[][] sample = new float[Math.min(SHAPE_SAMPLE, tickets.size() - tickets.size() / DUPLICATE_EVERY)][];
        for (int i = 0, taken = 0; taken < sample.length; i++) {
            if (!plantsDuplicate(i)) {
                sample[taken++] = tickets.get(i).embedding();
            }
        }
        return Moments.of(sample);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static int option(String[] args, String name, int fallback) {
        Integer value = number(args, name);
        return value == null ? fallback : value;
    }

    /** The whole number after {@code name} (digits may be grouped with '_' or ','), or {@code null} when absent. */
    private static Integer number(String[] args, String name) {
        String value = stringOption(args, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + value);
        }
    }

    /** The value after {@code name}, or {@code null} when {@code name} is absent. */
    private static String stringOption(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                return CommandLineValues.value(args, i + 1, name);
            }
        }
        return null;
    }

    /** Exact matches the index should find, and how many of them it found. */
    private static final class Recall {
        long expected;
        long found;

        double rate() {
            return expected == 0 ? 1 : (double) found / expected;
        }
    }
}
