package io.ticketflow.topology.ai.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A prompt text from the classpath with {@code {{name}}} placeholders. Rendering replaces every placeholder in one
 * pass over the template, so a value that itself contains {@code {{name}}} (a ticket can) is never expanded. Immutable
 * and thread-safe.
 */
final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String resource;
    private final String text;
    private final Set<String> placeholders;

    private PromptTemplate(String resource, String text) {
        this.resource = resource;
        this.text = text;
        this.placeholders =
                PLACEHOLDER.matcher(text).results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    /**
     * Loads {@code resource} (UTF-8).
     *
     * @throws IllegalStateException if it is missing
     */
    static PromptTemplate load(String resource) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new PromptTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The text with each placeholder replaced by its value.
     *
     * @throws IllegalArgumentException unless {@code values} names exactly the template's placeholders, so a template
     *     edit and the code that fills it cannot drift apart unnoticed
     */
    String render(Map<String, String> values) {
        if (!values.keySet().equals(placeholders)) {
            throw new IllegalArgumentException(
                    resource + " has placeholders " + placeholders + " but was given " + values.keySet());
        }
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }
}
