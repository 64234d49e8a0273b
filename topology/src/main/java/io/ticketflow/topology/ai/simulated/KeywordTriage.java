package io.ticketflow.topology.ai.simulated;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulated triage: keyword rules over title and description. Plausible and repeatable answers for tests and
 * benchmarks, not a classifier of any quality. Its categories are the twelve of the testkit's ticket generator.
 */
final class KeywordTriage {

    /** A category and the words (or phrases) that point to it. */
    private record Rule(String category, Set<String> keywords, List<String> steps) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "hardware",
                    Set.of("laptop", "monitor", "monitors", "keyboard", "dock", "docking", "mouse", "battery", "boot"),
                    List.of("Check power and cables", "Swap the device for a loaner if it stays broken")),
            new Rule(
                    "access",
                    Set.of("password", "locked", "mfa", "permission", "access", "account", "sign in", "log in"),
                    List.of("Verify the user's identity", "Unlock the account or grant the access requested")),
            new Rule(
                    "network",
                    Set.of("vpn", "wi-fi", "wifi", "network", "packet", "unreachable", "dns", "connection"),
                    List.of("Check the link and the VPN client logs", "Escalate to the network team if many users")),
            new Rule(
                    "email",
                    Set.of("email", "emails", "mail", "mailbox", "outlook", "bounce", "distribution list"),
                    List.of("Check the mail flow trace", "Fix the mailbox or list settings")),
            new Rule(
                    "software",
                    Set.of("install", "installation", "license", "crashes", "crash", "update", "application"),
                    List.of("Reinstall or repair the application", "Check the licence assignment")),
            new Rule(
                    "storage",
                    Set.of("share", "disk", "drive", "folder", "restore", "backup", "files"),
                    List.of("Check share permissions and free space", "Restore from the latest backup if needed")),
            new Rule(
                    "printing",
                    Set.of("printer", "print", "scan", "scanned", "toner", "paper"),
                    List.of("Check the printer's queue and error code", "Reinstall the printer driver")),
            new Rule(
                    "hr-payroll",
                    Set.of("payslip", "salary", "payroll", "overtime", "bank details"),
                    List.of("Forward to payroll with the employee id", "Confirm the correction with the employee")),
            new Rule(
                    "purchasing",
                    Set.of("purchase", "order", "equipment", "new hire", "quote"),
                    List.of("Check the order status with procurement", "Confirm the approval of the request")),
            new Rule(
                    "security",
                    Set.of("phishing", "suspicious", "malware", "antivirus", "virus", "compromised", "quarantined"),
                    List.of("Isolate the device and reset credentials", "Report to the security team")),
            new Rule(
                    "performance",
                    Set.of("slow", "cpu", "timing out", "timeout", "freezes", "memory", "load"),
                    List.of("Check resource usage and recent changes", "Restart or scale the affected service")),
            new Rule(
                    "database",
                    Set.of("database", "query", "queries", "replication", "sql", "db"),
                    List.of("Check the database's health and locks", "Escalate to the DBA on call")));

    /** The category of a ticket no rule matches, answered with low confidence so that a human looks at it. */
    private static final Rule UNMATCHED = RULES.get(4);

    private static final Set<String> URGENT =
            Set.of("outage", "down", "everyone", "all users", "compromised", "ransomware", "phishing link");
    private static final Set<String> HIGH = Set.of("[alert]", "cannot", "blocked", "fails", "crashes", "locked");
    private static final Set<String> LOW = Set.of("request", "please add", "license", "question", "how do");

    private static final Map<Priority, Integer> RESOLUTION_MINUTES =
            Map.of(Priority.P1, 60, Priority.P2, 240, Priority.P3, 1_440, Priority.P4, 4_320);

    private static final int MAX_SUMMARY_LENGTH = 120;

    private KeywordTriage() {}

    /** What the rules make of a ticket; {@link #toTriage} once the call's token usage is known. */
    record Assessment(Priority priority, String category, double confidence, String summary, List<String> steps) {

        /** The text of the answer: what its output tokens are counted from. */
        String answerText() {
            return summary + "\n" + String.join("\n", steps);
        }

        Triage toTriage(String modelId, TokenUsage usage) {
            return new Triage(
                    priority,
                    category,
                    confidence,
                    summary,
                    steps,
                    RESOLUTION_MINUTES.get(priority),
                    TriageSource.MODEL,
                    modelId,
                    usage);
        }
    }

    static Assessment assess(TicketIngested ticket) {
        String text = (ticket.title() + "\n" + ticket.description()).toLowerCase(Locale.ROOT);
        Set<String> words = Set.copyOf(TextTokens.words(text));
        Rule best = UNMATCHED;
        int bestScore = 0;
        int runnerUpScore = 0;
        for (Rule rule : RULES) {
            int score = score(rule.keywords(), words, text);
            if (score > bestScore) {
                runnerUpScore = bestScore;
                bestScore = score;
                best = rule;
            } else if (score > runnerUpScore) {
                runnerUpScore = score;
            }
        }
        return new Assessment(
                priority(words, text),
                best.category(),
                confidence(bestScore, runnerUpScore),
                summary(ticket),
                best.steps());
    }

    /** More matching words, and a clearer lead over the next category, make an answer surer; none makes it a guess. */
    private static double confidence(int bestScore, int runnerUpScore) {
        if (bestScore == 0) {
            return 0.2;
        }
        return Math.min(0.95, 0.4 + 0.15 * bestScore + 0.1 * (bestScore - runnerUpScore));
    }

    private static Priority priority(Set<String> words, String text) {
        if (score(URGENT, words, text) > 0) {
            return Priority.P1;
        }
        if (score(HIGH, words, text) > 0) {
            return Priority.P2;
        }
        if (score(LOW, words, text) > 0) {
            return Priority.P4;
        }
        return Priority.P3;
    }

    /** How many of {@code keywords} occur: single words among {@code words}, phrases and brackets in the text. */
    private static int score(Set<String> keywords, Set<String> words, String text) {
        int score = 0;
        for (String keyword : keywords) {
            boolean phrase = keyword.indexOf(' ') >= 0 || keyword.indexOf('[') >= 0;
            if (phrase ? text.contains(keyword) : words.contains(keyword)) {
                score++;
            }
        }
        return score;
    }

    private static String summary(TicketIngested ticket) {
        String title = ticket.title().strip();
        return title.length() <= MAX_SUMMARY_LENGTH ? title : title.substring(0, MAX_SUMMARY_LENGTH - 1) + "…";
    }
}
