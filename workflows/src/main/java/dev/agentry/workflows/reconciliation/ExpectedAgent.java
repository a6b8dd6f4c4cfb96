package dev.agentry.workflows.reconciliation;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStatus;

import java.time.Instant;

/**
 * What the events say about one agent's schedule.
 *
 * @param lastLifecycleIndex  global index of the latest event that changed the agent's status or settings
 *                            (-1 when read from the agent's own stream, which carries no global index)
 * @param firesHandledThrough the latest moment at which the agent's schedule is known to have been alive:
 *                            its start, reconfiguration or restore, or the fire time of its latest recorded
 *                            scheduled run; a restored schedule treats the fires after it as missed
 */
record ExpectedAgent(
        String agentId,
        AgentStatus status,
        AgentSettings settings,
        long lastLifecycleIndex,
        Instant firesHandledThrough) {

    boolean running() {
        return status == AgentStatus.RUNNING;
    }

    /** Same status and settings: what a repair relies on is still true. */
    boolean sameIntentAs(ExpectedAgent other) {
        return other != null && status == other.status && settings.equals(other.settings);
    }
}
