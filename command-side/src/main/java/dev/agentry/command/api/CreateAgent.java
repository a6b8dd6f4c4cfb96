package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateAgent(@TargetAggregateIdentifier String agentId, String ownerId, AgentSettings settings) {
}
