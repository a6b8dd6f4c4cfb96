package dev.agentry.command.api;

public record AgentStopped(String agentId, StopReason reason) {
}
