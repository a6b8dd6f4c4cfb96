package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.TokenUsage;

import java.time.Instant;

/**
 * How a run ended, as the run workflow reports it to the command side.
 *
 * @param model         the canonical model name of the model that answered last (or was asked last); null when
 *                      the run failed before a model was chosen
 * @param summary       the final answer, shortened; null for a failed run
 * @param errorKind     null for a successful run; else e.g. RATE_LIMITED, INVALID_REQUEST, STEP_LIMIT
 * @param transcriptRef where the transcript is stored, or null
 */
public record RunResult(
        RunRequest request,
        Instant startedAt,
        Instant finishedAt,
        String model,
        TokenUsage usage,
        String summary,
        String errorKind,
        String errorMessage,
        String transcriptRef) {

    public boolean succeeded() {
        return errorKind == null;
    }
}
