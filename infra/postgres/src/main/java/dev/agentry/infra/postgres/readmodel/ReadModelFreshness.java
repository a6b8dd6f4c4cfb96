package dev.agentry.infra.postgres.readmodel;

import java.time.Duration;

/**
 * Lets a caller that has just changed the event store read its own writes, whichever node's processors
 * hold the read models' segments: the positions come from the token store all nodes share.
 */
public interface ReadModelFreshness {

    /**
     * Blocks until every read model has processed all events stored so far.
     *
     * @throws ReadModelLagException when the read models do not catch up within the configured time
     */
    void awaitEventsStoredSoFar();

    /**
     * Blocks until every read model includes the latest event of the aggregate, or the configured time is up.
     *
     * @return false when the read models are still behind: the caller answers from what it knows itself
     */
    boolean awaitLatestEventOf(String aggregateId);

    /** As {@link #awaitLatestEventOf(String)}, waiting at most {@code timeout}. */
    boolean awaitEventsUpTo(long globalIndex, Duration timeout);

    class ReadModelLagException extends RuntimeException {
        public ReadModelLagException(String message) {
            super(message);
        }
    }
}
