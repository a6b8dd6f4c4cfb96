package dev.agentry.infra.mcp.run;

import java.util.Optional;

/**
 * Reads a run's stored transcript by the reference its outcome recorded. Implemented over the platform's
 * transcript storage (a local folder or S3); without an implementation, runs are shown without transcript.
 */
public interface RunTranscripts {

    /**
     * @return the transcript's bytes (JSON), or empty when nothing is stored under the reference
     * @throws RuntimeException when the storage cannot be read now
     */
    Optional<byte[]> read(String reference);
}
