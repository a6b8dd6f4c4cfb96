package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import io.temporal.activity.ActivityInterface;

/**
 * One call to a model. A failure arrives as an {@link io.temporal.failure.ApplicationFailure} whose type is
 * the {@link dev.agentry.workflows.llm.LlmFailureKind} name: non-retryable for kinds that a retry cannot
 * fix, and carrying the server's retry-after as the next retry delay when it gave one.
 */
@ActivityInterface(namePrefix = "Llm")
public interface LlmActivities {

    LlmResponse complete(String providerName, LlmRequest request);
}
