package io.ticketflow.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text and its category: one row of a {@code text,category} CSV file such as the shared IT-ticket data.
 *
 * @param text the text
 * @param category its label
 */
public record LabelledText(String text, String category) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
    }

    /**
     * Reads a CSV file with the header {@code text,category} (RFC 4180 quoting: fields may be quoted, a quote inside
     * a quoted field is doubled).
     *
     * @throws IOException when the file cannot be read or is not in that form
     */
    public static List<LabelledText> readCsv(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = parse(reader);
            if (rows.isEmpty() || !rows.getFirst().equals(List.of("text", "category"))) {
                throw new IOException(file + ": expected the header 'text,category'");
            }
            List<LabelledText> texts = new ArrayList<>(rows.size() - 1);
            for (int i = 1; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (row.size() != 2) {
                    throw new IOException(file + ": record " + i + " has " + row.size() + " fields, expected 2");
                }
                texts.add(new LabelledText(row.get(0), row.get(1)));
            }
            return texts;
        }
    }

    private static List<List<String>> parse(BufferedReader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    if (reader.read() == '"') {
                        field.append('"');
                    } else {
                        reader.reset();
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(stripCarriageReturn(field));
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append((char) c);
            }
        }
        if (any) {
            row.add(stripCarriageReturn(field));
            rows.add(row);
        }
        return rows;
    }

    private static String stripCarriageReturn(StringBuilder field) {
        int end = field.length();
        return end > 0 && field.charAt(end - 1) == '\r' ? field.substring(0, end - 1) : field.toString();
    }
}
