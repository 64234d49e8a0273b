package io.ticketflow.benchmarks;

import io.ticketflow.schemas.serde.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A folder in the canonical dedup-evaluation format (see {@code ../shared/data/README.md}): {@code reports.jsonl},
 * one report a line with {@code id}, {@code title}, {@code description}, {@code created}; and {@code duplicates.csv},
 * {@code duplicate_id,original_id}.
 *
 * @param reports every report, in {@code created} order (ties keep file order)
 * @param originalOf each labelled duplicate's original
 */
record BugReports(List<Report> reports, Map<String, String> originalOf) {

    /** One report. */
    record Report(String id, String title, String description, Instant created) {}

    /**
     * Reads {@code folder}.
     *
     * @throws IllegalArgumentException naming the file and line when the folder is missing or a line is malformed
     */
    static BugReports read(Path folder) throws IOException {
        Path reportsFile = folder.resolve("reports.jsonl");
        Path pairsFile = folder.resolve("duplicates.csv");
        if (!Files.isRegularFile(reportsFile) || !Files.isRegularFile(pairsFile)) {
            throw new IllegalArgumentException(folder + " needs reports.jsonl and duplicates.csv (the canonical dedup"
                    + " format, see ../shared/data/README.md)");
        }
        List<Report> reports = new ArrayList<>();
        List<String> lines = Files.readAllLines(reportsFile);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                reports.add(report(lines.get(i), reportsFile + ":" + (i + 1)));
            }
        }
        reports.sort(Comparator.comparing(Report::created));
        Map<String, String> originalOf = new HashMap<>();
        List<String> pairs = Files.readAllLines(pairsFile);
        for (int i = 1; i < pairs.size(); i++) {
            String[] fields = pairs.get(i).trim().split(",");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            if (fields.length != 2) {
                throw new IllegalArgumentException(pairsFile + ":" + (i + 1) + ": expected duplicate_id,original_id");
            }
            originalOf.put(fields[0].trim(), fields[1].trim());
        }
        return new BugReports(List.copyOf(reports), Map.copyOf(originalOf));
    }

    private static Report report(String line, String where) {
        try {
            JsonNode node = EventJson.mapper().readTree(line);
            return new Report(
                    required(node, "id", where),
                    required(node, "title", where),
                    node.path("description").asString(""),
                    Instant.parse(required(node, "created", where)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
        }
        return value.asString();
    }
}
