package dev.agentry.workflows.run;

/**
 * On whose behalf a tool runs: the agent, the run that asked, and the agent's owner.
 *
 * @param toolCallId the model's id of the call being answered; null outside a call (and in runs recorded
 *                   before calls carried it)
 */
public record ToolContext(String agentId, String runId, String ownerId, String toolCallId) {

    public ToolContext(String agentId, String runId, String ownerId) {
        this(agentId, runId, ownerId, null);
    }

    /** The same context, answering the model's call with this id. */
    public ToolContext forCall(String callId) {
        return new ToolContext(agentId, runId, ownerId, callId);
    }
}
