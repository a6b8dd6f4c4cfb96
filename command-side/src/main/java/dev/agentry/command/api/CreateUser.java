package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateUser(@TargetAggregateIdentifier String userId, String username, Role role) {
}
