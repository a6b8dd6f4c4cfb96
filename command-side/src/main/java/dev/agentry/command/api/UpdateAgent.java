package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param requestedBy user id of the caller; only the owner may change an agent */
public record UpdateAgent(@TargetAggregateIdentifier String agentId, String requestedBy, AgentSettingsChange change) {
}
