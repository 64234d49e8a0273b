package io.ticketflow.topology.ai.redaction;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces personal data in ticket text with typed placeholders ({@code [EMAIL]}, {@code [PHONE]}, {@code [IP]},
 * {@code [CARD]}), so that it never reaches a model provider.
 *
 * <p><b>Contract.</b> Callers redact the text of every request right before a model call: {@link
 * #redact(EmbeddingRequest)} and {@link #redact(TriageRequest)} give the request to pass to the port, and the model
 * adapters expect it ("already redacted" in {@link EmbeddingRequest} and {@link TriageRequest}). The ticket that flows
 * on through the pipeline, and the enriched ticket written at the end, keep the original text: redaction changes what
 * a model sees, never what the pipeline stores or a reviewer reads. Redacted text is also what embeddings are computed
 * from, so two tickets differing only in a phone number embed alike.
 *
 * <p>Recognition is by pattern, so it errs both ways at the edges; the kinds' Javadoc says where. It favours leaving
 * ids, dates, versions and times untouched over catching every conceivable phone-number spelling, except for card
 * numbers, where a Luhn-valid id is redacted rather than risk a card.
 *
 * <p>Thread-safe and immutable; {@code redact} never returns {@code null} and never changes text without personal data.
 */
public final class PiiRedactor {

    private final Set<PiiKind> kinds;

    public PiiRedactor(RedactionSettings settings) {
        this.kinds = EnumSet.noneOf(PiiKind.class);
        this.kinds.addAll(Objects.requireNonNull(settings, "settings").kinds());
    }

    /** {@code text} with the configured kinds of personal data replaced by their placeholders. */
    public String redact(String text) {
        String redacted = Objects.requireNonNull(text, "text");
        // EnumSet iterates in declaration order, which is the order the kinds must apply in (see PiiKind).
        for (PiiKind kind : kinds) {
            redacted = kind.redactIn(redacted);
        }
        return redacted;
    }

    /** {@code ticket} with its title and description redacted; everything else (the reporter too) as it was. */
    public TicketIngested redact(TicketIngested ticket) {
        return ticket.withText(redact(ticket.title()), redact(ticket.description()));
    }

    /** {@code request} with its text redacted. */
    public EmbeddingRequest redact(EmbeddingRequest request) {
        return new EmbeddingRequest(request.ticketId(), redact(request.text()));
    }

    /** {@code request} with the ticket's text and the duplicate candidates' titles redacted. */
    public TriageRequest redact(TriageRequest request) {
        return new TriageRequest(
                redact(request.ticket()),
                request.candidates().stream()
                        .map(candidate -> new DuplicateCandidate(
                                candidate.ticketId(), candidate.similarity(), redact(candidate.title())))
                        .toList());
    }

    /** The kinds this redactor replaces. */
    public Set<PiiKind> kinds() {
        return Set.copyOf(kinds);
    }
}
