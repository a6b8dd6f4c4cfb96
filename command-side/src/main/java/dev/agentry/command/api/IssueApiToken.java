package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param tokenHash hex SHA-256 of the secret token; the secret itself never enters the event store */
public record IssueApiToken(@TargetAggregateIdentifier String userId, String tokenId, String tokenHash) {
}
