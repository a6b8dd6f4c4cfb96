package dev.agentry.infra.postgres.readmodel;

/**
 * Lets a caller that has just changed the event store read its own writes: blocks until every
 * projection has processed all events stored so far.
 */
public interface ReadModelFreshness {

    /**
     * @throws ReadModelLagException when the projections do not catch up within the configured time
     */
    void awaitEventsStoredSoFar();

    class ReadModelLagException extends RuntimeException {
        public ReadModelLagException(String message) {
            super(message);
        }
    }
}
