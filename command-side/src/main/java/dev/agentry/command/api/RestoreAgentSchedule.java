package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reconciliation restarted the schedule of a RUNNING agent that Temporal had lost. Sent by the
 * platform itself (actor {@code system:reconciliation}), so it names no requester; refused with
 * FAILED_PRECONDITION for an agent that is not RUNNING.
 */
public record RestoreAgentSchedule(@TargetAggregateIdentifier String agentId) {
}
