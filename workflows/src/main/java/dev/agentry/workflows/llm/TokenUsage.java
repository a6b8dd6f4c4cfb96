package dev.agentry.workflows.llm;

/**
 * Tokens billed for one call.
 *
 * @param inputTokens every input token the model read, cached or not
 */
public record TokenUsage(long inputTokens, long outputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
