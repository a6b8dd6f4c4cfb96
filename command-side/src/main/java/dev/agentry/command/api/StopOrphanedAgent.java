package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reconciliation found a RUNNING agent without a schedule in Temporal and the orphan policy is
 * stop. Sent by the platform itself (actor {@code system:reconciliation}); stops only a RUNNING
 * agent, and changes nothing otherwise.
 */
public record StopOrphanedAgent(@TargetAggregateIdentifier String agentId) {
}
