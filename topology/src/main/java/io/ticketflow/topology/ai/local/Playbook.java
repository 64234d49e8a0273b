package io.ticketflow.topology.ai.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommended solution steps per category, from a text resource ({@code ticketflow.model.local.playbook}).
 *
 * <p>Format: a {@code [Category]} line opens a category's steps, and each following {@code - step} line adds one, in
 * order; {@code [*]} holds the steps of any category without its own. {@code #} starts a comment line. Immutable and
 * thread-safe.
 */
public final class Playbook {

    static final String ANY_CATEGORY = "*";

    private final Map<String, List<String>> steps;

    private Playbook(Map<String, List<String>> steps) {
        this.steps = Map.copyOf(steps);
    }

    /**
     * Parses a playbook in the resource format.
     *
     * @param source where the lines came from, for error messages
     * @throws IllegalArgumentException naming the source and line of a malformed entry, or a category without steps
     */
    public static Playbook parse(String source, List<String> lines) {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        List<String> current = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            String where = source + " line " + (n + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]") && line.length() > 2) {
                current = new ArrayList<>();
                if (steps.put(line.substring(1, line.length() - 1).strip(), current) != null) {
                    throw new IllegalArgumentException(where + ": category " + line + " appears twice");
                }
            } else if (line.startsWith("- ") && current != null) {
                current.add(line.substring(2).strip());
            } else {
                throw new IllegalArgumentException(where + ": expected '[Category]' or '- step' under a category");
            }
        }
        steps.forEach((category, list) -> {
            if (list.isEmpty()) {
                throw new IllegalArgumentException(source + ": category [" + category + "] has no steps");
            }
        });
        return new Playbook(steps);
    }

    /** Whether {@code category} has steps, its own or the {@code [*]} ones. */
    public boolean covers(String category) {
        return steps.containsKey(category) || steps.containsKey(ANY_CATEGORY);
    }

    /**
     * The steps for {@code category}, in order.
     *
     * @throws IllegalArgumentException when it has none ({@link #covers} is false)
     */
    public List<String> stepsFor(String category) {
        List<String> found = steps.getOrDefault(category, steps.get(ANY_CATEGORY));
        if (found == null) {
            throw new IllegalArgumentException("the playbook has no steps for category " + category);
        }
        return List.copyOf(found);
    }
}
