package io.ticketflow.topology.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a ticket's text into the words the lexical similarity compares: Lucene's {@link EnglishAnalyzer} (standard
 * tokenizer, lower case, English stop words removed, Porter stemming), counted.
 *
 * <p>Thread-safe: Lucene analyzers reuse token streams per thread.
 */
public final class TextTerms {

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** Each analysed word of {@code text} with how often it occurs; empty for a text without words. */
    public Map<String, Integer> of(String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            // Analysing a String does no I/O.
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
