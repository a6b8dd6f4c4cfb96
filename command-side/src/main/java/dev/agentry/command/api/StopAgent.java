package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StopAgent(@TargetAggregateIdentifier String agentId, String requestedBy) {
}
