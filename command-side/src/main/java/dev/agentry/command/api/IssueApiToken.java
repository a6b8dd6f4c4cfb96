package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * @param tokenHash hex SHA-256 of the secret token; the secret itself never enters the event store
 * @param expiresAt when the token stops authenticating; null for never
 */
public record IssueApiToken(@TargetAggregateIdentifier String userId, String tokenId, String tokenHash, Instant expiresAt) {

    /** A token that does not expire. */
    public IssueApiToken(String userId, String tokenId, String tokenHash) {
        this(userId, tokenId, tokenHash, null);
    }
}
