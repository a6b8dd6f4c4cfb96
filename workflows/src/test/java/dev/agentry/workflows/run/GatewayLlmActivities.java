package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;

/** The LLM activity as the run workflow sees it: the gateway's answer, or its failure in Temporal's terms. */
final class GatewayLlmActivities implements LlmActivities {

    private final LlmGateway gateway;

    GatewayLlmActivities(LlmGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public LlmResponse complete(String providerName, LlmRequest request) {
        try {
            return gateway.complete(providerName, request);
        } catch (LlmCallFailure failure) {
            throw LlmActivityFailures.asActivityFailure(failure);
        }
    }
}
