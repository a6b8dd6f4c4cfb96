package dev.agentry.query.api;

/**
 * The agent's newest {@code limit} runs first; empty when the agent is unknown, DELETED or not
 * owned by {@code ownerId}. Callers ask with {@code ResponseTypes.multipleInstancesOf(RunView.class)}.
 */
public record ListRuns(String agentId, String ownerId, int limit) {
}
