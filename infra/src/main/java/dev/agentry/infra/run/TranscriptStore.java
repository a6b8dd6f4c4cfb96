package dev.agentry.infra.run;

/**
 * Where run transcripts are kept: a local folder in the embedded default, a bucket in production.
 * A run's transcript is stored under its run id, so storing it again replaces it.
 */
public interface TranscriptStore {

    /** @return the reference the run's events carry, to find the transcript again */
    String put(String runId, byte[] transcript);

    /** @throws TranscriptNotFoundException when nothing is stored under the reference */
    byte[] get(String reference);

    /** Nothing is stored under a reference (or the reference is not one of this store's). */
    class TranscriptNotFoundException extends RuntimeException {

        public TranscriptNotFoundException(String reference) {
            super("no transcript is stored under '" + reference + "'");
        }
    }
}
