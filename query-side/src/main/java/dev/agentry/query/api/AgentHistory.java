package dev.agentry.query.api;

/** The latest {@code limit} events, oldest first; empty when the agent is unknown or not owned by {@code ownerId}. */
public record AgentHistory(String agentId, String ownerId, int limit) {
}
