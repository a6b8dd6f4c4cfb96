package dev.agentry.query.api;

/** Answers the agent only when {@code ownerId} owns it; DELETED agents are not found. */
public record FindAgent(String agentId, String ownerId) {
}
