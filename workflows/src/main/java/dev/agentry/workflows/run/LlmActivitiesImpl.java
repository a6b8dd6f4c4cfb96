package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import io.temporal.failure.ApplicationFailure;

/**
 * Calls the model through the gateway and turns the provider's classification of a failure into
 * Temporal's terms: the failure type is the kind's name, a hopeless kind is not retried, and a server's
 * retry-after becomes the delay before the next attempt.
 */
public class LlmActivitiesImpl implements LlmActivities {

    private final LlmGateway gateway;

    public LlmActivitiesImpl(LlmGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public LlmResponse complete(String providerName, LlmRequest request) {
        try {
            return gateway.complete(providerName, request);
        } catch (LlmCallFailure failure) {
            throw asActivityFailure(failure);
        }
    }

    static ApplicationFailure asActivityFailure(LlmCallFailure failure) {
        String type = failure.kind().name();
        String message = withoutKind(failure.getMessage(), type);
        if (!failure.retryable()) {
            return ApplicationFailure.newNonRetryableFailureWithCause(message, type, failure);
        }
        return ApplicationFailure.newFailureWithCauseAndDelay(message, type, failure, failure.retryAfter().orElse(null));
    }

    /** The kind travels as the failure type; the owner reads the message beside it. */
    private static String withoutKind(String message, String kind) {
        String prefix = kind + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
