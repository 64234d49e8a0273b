package io.ticketflow.topology.ai.bedrock;

/**
 * Token counts before a call, for quota reservations: one token per four characters, the usual rule of thumb for
 * English text with these models' tokenizers, rounded up. The model's reported usage corrects it after the call.
 */
final class TokenEstimates {

    private static final int CHARACTERS_PER_TOKEN = 4;

    private TokenEstimates() {}

    static long of(String text) {
        long codePoints = text.codePointCount(0, text.length());
        return (codePoints + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }
}
