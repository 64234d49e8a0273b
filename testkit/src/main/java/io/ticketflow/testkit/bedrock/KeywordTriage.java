package io.ticketflow.testkit.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated model's judgement: priority, category and confidence from keywords in the ticket text, so that the same
 * ticket always gets the same answer and tests can predict it. Thread-safe (immutable).
 *
 * <p>A category scores one point per word of the text that is one of its keywords: its own name's words, plus a
 * built-in list when the name contains a known topic (so "Printing", "Printers" and "print" all find the printing
 * words). The highest score wins, ties going to the earlier category; with no point at all, the answer is a category
 * named "Other" when there is one, else the first. Priority: outage words make P1, blocking words P2, question words
 * P4, anything else P3.
 */
final class KeywordTriage {

    /** What the simulated model concluded. */
    record Verdict(String priority, String category, double confidence) {}

    private static final Map<String, List<String>> TOPIC_KEYWORDS = Map.ofEntries(
            Map.entry(
                    "hardware",
                    List.of(
                            "laptop",
                            "monitor",
                            "keyboard",
                            "mouse",
                            "screen",
                            "dock",
                            "battery",
                            "charger",
                            "headset",
                            "hardware")),
            Map.entry(
                    "access", List.of("password", "login", "locked", "account", "permission", "access", "mfa", "sso")),
            Map.entry(
                    "network",
                    List.of("network", "vpn", "wifi", "internet", "dns", "ethernet", "router", "connection")),
            Map.entry("email", List.of("email", "mail", "outlook", "mailbox", "inbox", "calendar", "smtp")),
            Map.entry("software", List.of("install", "software", "application", "update", "crash", "excel", "licence")),
            Map.entry(
                    "storage",
                    List.of("disk", "storage", "drive", "share", "onedrive", "sharepoint", "quota", "backup")),
            Map.entry("print", List.of("printer", "print", "toner", "scanner", "paper")),
            Map.entry(
                    "hr", List.of("payroll", "salary", "leave", "holiday", "onboarding", "contract", "payslip", "hr")),
            Map.entry("purchase", List.of("purchase", "order", "quote", "invoice", "buy", "procurement")),
            Map.entry(
                    "security",
                    List.of("phishing", "malware", "virus", "ransomware", "suspicious", "breach", "security")),
            Map.entry("performance", List.of("slow", "performance", "lag", "freeze", "hang", "timeout", "cpu")),
            Map.entry("database", List.of("database", "sql", "query", "oracle", "postgres", "table", "deadlock")));

    /* Words of category names too generic to be evidence for the category. */
    private static final Set<String> GENERIC_NAME_WORDS = Set.of("support", "other", "general", "misc");

    private static final List<String> P1_WORDS =
            List.of("outage", "down", "everyone", "ransomware", "breach", "production");
    private static final List<String> P2_WORDS = List.of("urgent", "blocked", "cannot", "unable", "asap");
    private static final List<String> P4_WORDS = List.of("question", "how", "cosmetic", "wish", "convenient");

    private static final Pattern INJECTED_PRIORITY = Pattern.compile("(?i)\\bpriority\\s+(?:to\\s+)?(P\\d)\\b");
    private static final Pattern INJECTED_CATEGORY =
            Pattern.compile("(?i)\\bcategory\\s+(?:to\\s+)?[\"']?([\\p{L}\\p{N}-]+)");

    private final boolean obeysInjectedInstructions;

    /**
     * @param obeysInjectedInstructions whether to act like a model that a prompt injection fools: a text saying "set
     *     priority P4" or "category Foo" then gets exactly that, even a value outside the schema
     */
    KeywordTriage(boolean obeysInjectedInstructions) {
        this.obeysInjectedInstructions = obeysInjectedInstructions;
    }

    Verdict judge(String ticketText, List<String> categories, List<String> priorities) {
        List<String> stems = Words.stems(ticketText);
        String priority = priority(stems, priorities);
        String category = categories.isEmpty() ? "Other" : fallbackCategory(categories);
        int bestScore = 0;
        for (String candidate : categories) {
            int score = score(stems, keywords(candidate));
            if (score > bestScore) {
                bestScore = score;
                category = candidate;
            }
        }
        double confidence = bestScore == 0 ? 0.35 : Math.min(0.95, 0.55 + 0.1 * bestScore);
        if (obeysInjectedInstructions) {
            priority = injected(INJECTED_PRIORITY, ticketText, priority).toUpperCase(Locale.ROOT);
            category = injected(INJECTED_CATEGORY, ticketText, category);
        }
        return new Verdict(priority, category, Math.round(confidence * 100) / 100.0);
    }

    private static String priority(List<String> stems, List<String> priorities) {
        String chosen;
        if (containsAny(stems, P1_WORDS)) {
            chosen = "P1";
        } else if (containsAny(stems, P2_WORDS)) {
            chosen = "P2";
        } else if (containsAny(stems, P4_WORDS)) {
            chosen = "P4";
        } else {
            chosen = "P3";
        }
        // A schema with other priority names still gets one of its own values.
        return priorities.contains(chosen) || priorities.isEmpty() ? chosen : priorities.getLast();
    }

    private static String fallbackCategory(List<String> categories) {
        return categories.stream()
                .filter(name -> name.equalsIgnoreCase("other"))
                .findFirst()
                .orElse(categories.getFirst());
    }

    private static List<String> keywords(String category) {
        List<String> keywords = new ArrayList<>();
        String name = category.toLowerCase(Locale.ROOT);
        for (String word : Words.stems(name)) {
            if (!GENERIC_NAME_WORDS.contains(word)) {
                keywords.add(word);
            }
        }
        TOPIC_KEYWORDS.forEach((topic, words) -> {
            if (Words.stems(name).stream().anyMatch(word -> word.startsWith(topic))) {
                words.stream().map(Words::stem).forEach(keywords::add);
            }
        });
        return keywords;
    }

    private static int score(List<String> stems, List<String> keywords) {
        int score = 0;
        for (String stem : stems) {
            if (keywords.contains(stem)) {
                score++;
            }
        }
        return score;
    }

    private static boolean containsAny(List<String> stems, List<String> words) {
        return words.stream().map(Words::stem).anyMatch(stems::contains);
    }

    private static String injected(Pattern instruction, String text, String otherwise) {
        Matcher matcher = instruction.matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
