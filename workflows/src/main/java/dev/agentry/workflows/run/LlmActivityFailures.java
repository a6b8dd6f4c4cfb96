package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.LlmCallFailure;
import io.temporal.failure.ApplicationFailure;

/**
 * How an LLM call's failure is told to Temporal, which the run workflow's retry options rely on: the
 * failure type is the kind's name, a hopeless kind is not retried, and a server's retry-after becomes the
 * delay before the next attempt.
 */
public final class LlmActivityFailures {

    private LlmActivityFailures() {
    }

    public static ApplicationFailure asActivityFailure(LlmCallFailure failure) {
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
