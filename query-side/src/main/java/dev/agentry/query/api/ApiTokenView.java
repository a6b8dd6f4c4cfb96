package dev.agentry.query.api;

import java.time.Instant;

/**
 * @param tokenHash hex SHA-256 of the secret, compared in constant time by the caller
 * @param expiresAt when the token stops authenticating; null for never
 */
public record ApiTokenView(String tokenId, String tokenHash, boolean revoked, UserView user, Instant expiresAt) {

    /** A token that does not expire. */
    public ApiTokenView(String tokenId, String tokenHash, boolean revoked, UserView user) {
        this(tokenId, tokenHash, revoked, user, null);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
