package dev.agentry.workflows.llm;

/** One vendor's models behind the neutral conversation model. */
public interface LlmProvider {

    /** The provider's name as the model catalogue spells it, e.g. {@code anthropic}. */
    String name();

    /** Whether credentials (or, for OpenAI-compatible servers, a base URL) are configured. */
    boolean available();

    LlmResponse complete(LlmRequest request) throws LlmCallFailure;
}
