package dev.agentry.command.api;

/** Carries the complete settings after the change. */
public record AgentReconfigured(String agentId, AgentSettings settings) {
}
