package dev.agentry.command.api;

public record AgentCreated(String agentId, String ownerId, AgentSettings settings) {
}
