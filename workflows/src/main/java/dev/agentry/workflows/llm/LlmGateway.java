package dev.agentry.workflows.llm;

import java.util.Set;

/** Sends a request to the named provider; what the LLM activities call. */
public interface LlmGateway {

    /** @throws LlmCallFailure of kind {@link LlmFailureKind#PROVIDER_UNAVAILABLE} for an unknown or unconfigured provider */
    LlmResponse complete(String providerName, LlmRequest request) throws LlmCallFailure;

    Set<String> availableProviders();
}
