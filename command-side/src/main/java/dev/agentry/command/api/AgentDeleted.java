package dev.agentry.command.api;

public record AgentDeleted(String agentId) {
}
