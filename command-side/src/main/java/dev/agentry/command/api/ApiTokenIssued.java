package dev.agentry.command.api;

import java.time.Instant;

/** @param expiresAt when the token stops authenticating; null for never (and in events from before expiry existed) */
public record ApiTokenIssued(String userId, String tokenId, String tokenHash, Instant expiresAt) {

    /** A token that does not expire. */
    public ApiTokenIssued(String userId, String tokenId, String tokenHash) {
        this(userId, tokenId, tokenHash, null);
    }
}
