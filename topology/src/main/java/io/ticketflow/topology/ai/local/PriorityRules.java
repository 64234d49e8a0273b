package io.ticketflow.topology.ai.local;

import io.ticketflow.schemas.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sets a ticket's priority from its words: an ordered list of named rules, each a priority and a regular expression;
 * the first rule that matches the title or the description decides, and a ticket no rule matches gets the default.
 *
 * <p>The rules live in a text resource ({@code ticketflow.model.local.priority-rules}), one a line:
 * {@code PRIORITY name regex}, plus one {@code default PRIORITY} line; {@code #} starts a comment line. Expressions
 * are Java regular expressions matched case-insensitively anywhere in the text. Immutable and thread-safe.
 */
public final class PriorityRules {

    private static final Pattern FIELDS = Pattern.compile("\\s+");

    private final List<Rule> rules;
    private final Priority fallback;

    private PriorityRules(List<Rule> rules, Priority fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
    }

    /**
     * Parses rules in the resource format.
     *
     * @param source where the lines came from, for error messages
     * @throws IllegalArgumentException naming the source and line of a malformed rule, or when the default is missing
     */
    public static PriorityRules parse(String source, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        Priority fallback = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = FIELDS.split(line, 3);
            String where = source + " line " + (n + 1);
            if (fields[0].equals("default") && fields.length == 2) {
                fallback = priority(fields[1], where);
            } else if (fields.length == 3) {
                rules.add(new Rule(priority(fields[0], where), fields[1], pattern(fields[2], where)));
            } else {
                throw new IllegalArgumentException(where + ": expected 'PRIORITY name regex' or 'default PRIORITY'");
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(source + ": no 'default PRIORITY' line");
        }
        return new PriorityRules(rules, fallback);
    }

    /**
     * The priority of a ticket.
     *
     * @param title the ticket's title, not {@code null}
     * @param description the ticket's description, not {@code null} (may be empty)
     */
    public Assessment assess(String title, String description) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        for (Rule rule : rules) {
            if (rule.pattern().matcher(title).find()
                    || rule.pattern().matcher(description).find()) {
                return new Assessment(rule.priority(), rule.name());
            }
        }
        return new Assessment(fallback, "default");
    }

    private static Priority priority(String text, String where) {
        try {
            return Priority.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown priority '" + text + "'", e);
        }
    }

    private static Pattern pattern(String regex, String where) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad regular expression: " + e.getDescription(), e);
        }
    }

    private record Rule(Priority priority, String name, Pattern pattern) {}

    /**
     * A ticket's priority and why.
     *
     * @param priority the priority
     * @param rule the name of the rule that set it, or {@code default}
     */
    public record Assessment(Priority priority, String rule) {}
}
