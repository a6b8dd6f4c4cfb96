package dev.agentry.workflows.run;

import java.util.Optional;

/**
 * Where run transcripts are kept: a local folder on the embedded default, a bucket in production. Runs
 * store theirs when they end; {@code get_run} reads them back by the reference the run's outcome recorded.
 * A run's transcript is stored under its run id, so storing it again replaces it.
 */
public interface RunTranscripts {

    /** @return the reference the run's events carry, to find the transcript again */
    String store(RunTranscript transcript);

    /**
     * @return the transcript, or empty when nothing is stored under the reference
     * @throws RuntimeException when the storage cannot be read now
     */
    Optional<RunTranscript> find(String reference);
}
