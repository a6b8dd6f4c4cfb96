package dev.agentry.command.api;

public record AgentStarted(String agentId) {
}
