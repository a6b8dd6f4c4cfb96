package dev.agentry.workflows.run;

import io.temporal.activity.ActivityInterface;

/**
 * What the agent loop needs from the rest of the platform besides models and tools. Temporal delivers
 * each call at least once, so every one of them is idempotent per run id.
 */
@ActivityInterface(namePrefix = "Run")
public interface RunActivities {

    /** Reads the agent as it is now and resolves its model. */
    PreparedRun prepare(RunRequest request);

    /** Stores the transcript under the run id (a repeated call overwrites it) and answers its reference. */
    String storeTranscript(RunTranscript transcript);

    /** Sends the outcome to the agent, as the scheduler; an outcome for a deleted or unknown agent is dropped. */
    void recordOutcome(RunResult result);

    /** Records that the run did not happen, for the reason given in capitals (e.g. BUDGET); idempotent per run id. */
    void recordSkipped(RunRequest request, String reason);

    /**
     * Records in the model catalogue that the model's provider answered its model id as unknown or retired, so
     * that no run of any node chooses that offering again; recording it twice changes nothing.
     */
    void recordModelNotFound(RunModel model, String reason);
}
