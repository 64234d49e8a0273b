package io.ticketflow.testkit.bedrock;

/**
 * The simulator's token count: one token per four characters (code points), rounded up, at least one. Real tokenizers
 * differ by model; the simulator only needs counts that grow with the text, for usage figures and quotas.
 */
final class TokenEstimate {

    private static final int CHARACTERS_PER_TOKEN = 4;

    private TokenEstimate() {}

    static long of(String text) {
        long codePoints = text.codePointCount(0, text.length());
        return Math.max(1, (codePoints + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN);
    }
}
