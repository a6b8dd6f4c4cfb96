package dev.agentry.workflows.run;

/**
 * On whose behalf a tool runs: the agent, the run that asked, the agent's owner, and the model's id of the
 * tool call, which together name one call for good (a tool with effects outside makes them once per call).
 *
 * @param toolCallId null for the run as a whole, before a call is made
 */
public record ToolContext(String agentId, String runId, String ownerId, String toolCallId) {

    public ToolContext(String agentId, String runId, String ownerId) {
        this(agentId, runId, ownerId, null);
    }

    /** This context for one call of the model. */
    public ToolContext forCall(String toolCallId) {
        return new ToolContext(agentId, runId, ownerId, toolCallId);
    }
}
