package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteAgent(@TargetAggregateIdentifier String agentId, String requestedBy) {
}
