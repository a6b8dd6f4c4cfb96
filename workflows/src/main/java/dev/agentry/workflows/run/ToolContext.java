package dev.agentry.workflows.run;

/** On whose behalf a tool runs: the agent, the run that asked, and the agent's owner. */
public record ToolContext(String agentId, String runId, String ownerId) {
}
