package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartAgent(@TargetAggregateIdentifier String agentId, String requestedBy) {
}
