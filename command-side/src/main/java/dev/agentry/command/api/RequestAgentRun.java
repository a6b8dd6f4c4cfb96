package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner asks for a run now. Allowed whether the agent is RUNNING or STOPPED: a stopped agent
 * does not run on its schedule, but it can still be run by hand. Asking again with a run id the
 * agent already knows changes nothing.
 *
 * @param requestedBy user id of the caller; only the owner may run an agent
 * @param runId       chosen by the caller; becomes the run workflow's id
 */
public record RequestAgentRun(@TargetAggregateIdentifier String agentId, String requestedBy, String runId) {
}
