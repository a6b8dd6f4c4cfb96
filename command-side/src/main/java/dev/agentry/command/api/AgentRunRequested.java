package dev.agentry.command.api;

/** A manual run was asked for; its outcome follows as {@link AgentRan}, {@link AgentFailed} or {@link AgentRunSkipped}. */
public record AgentRunRequested(String agentId, String runId) {
}
