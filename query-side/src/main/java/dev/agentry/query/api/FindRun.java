package dev.agentry.query.api;

/**
 * Answers the run only when {@code ownerId} owns its agent and the agent is not DELETED; null
 * otherwise (callers ask with {@code ResponseTypes.optionalInstanceOf(RunView.class)}).
 */
public record FindRun(String runId, String ownerId) {
}
