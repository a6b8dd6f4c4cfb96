package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiToken(@TargetAggregateIdentifier String userId, String tokenId) {
}
