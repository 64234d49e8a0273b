package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The triage prompt: a system prompt with the rules and categories ({@code prompts/triage-system.txt}) and a user
 * message that carries the ticket as data ({@code prompts/triage-user.txt}).
 *
 * <p>How the prompt resists injection: the reporter's text (source, title, description) and the titles of similar
 * tickets appear only inside {@code <ticket>} and {@code <similar_tickets>} elements, with {@code &}, {@code <} and
 * {@code >} escaped, so no ticket can close its element and write outside it; the system prompt tells the model that
 * what is inside is data and never instructions. Whatever the model makes of it, the answer must still be a call of
 * the forced tool that fits its schema ({@link TriageTool}), and routing policy is code, not prompt. Immutable and
 * thread-safe.
 */
final class TriagePrompt {

    private static final PromptTemplate SYSTEM = PromptTemplate.load("/prompts/triage-system.txt");
    private static final PromptTemplate USER = PromptTemplate.load("/prompts/triage-user.txt");

    private final String system;

    TriagePrompt(List<String> categories) {
        this.system = SYSTEM.render(Map.of("tool", TriageTool.NAME, "categories", String.join(", ", categories)));
    }

    /** The system prompt; the same for every call. */
    String system() {
        return system;
    }

    /** The user message for {@code request}, whose text the caller has redacted. */
    String user(TriageRequest request) {
        return USER.render(Map.of(
                "tool", TriageTool.NAME,
                "source", escape(request.ticket().source()),
                "title", escape(request.ticket().title()),
                "description", escape(request.ticket().description()),
                "similarTickets", similarTickets(request.candidates())));
    }

    private static String similarTickets(List<DuplicateCandidate> candidates) {
        if (candidates.isEmpty()) {
            return "";
        }
        StringBuilder block = new StringBuilder("\nEarlier tickets that may report the same problem, also data:\n");
        block.append("<similar_tickets>\n");
        for (DuplicateCandidate candidate : candidates) {
            block.append(String.format(
                    Locale.ROOT,
                    "<similar_ticket id=\"%s\" similarity=\"%.2f\">%s</similar_ticket>\n",
                    escape(candidate.ticketId()),
                    candidate.similarity(),
                    escape(candidate.title())));
        }
        return block.append("</similar_tickets>\n").toString();
    }

    /** Text as element content or attribute value: it can neither close an element nor open one. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
