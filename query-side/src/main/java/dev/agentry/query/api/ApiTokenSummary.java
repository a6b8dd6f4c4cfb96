package dev.agentry.query.api;

import java.time.Instant;

/**
 * A token as an administrator sees it: never its secret nor its hash.
 *
 * @param expiresAt  null: it does not expire
 * @param lastUsedAt when it last authenticated a request (to the minute); null: never
 */
public record ApiTokenSummary(String tokenId, Instant issuedAt, Instant expiresAt, boolean revoked, Instant lastUsedAt) {
}
