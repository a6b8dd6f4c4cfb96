package dev.agentry.query.api;

/** The tokens issued to a user, oldest first, as {@link ApiTokenSummary}s. */
public record ListApiTokens(String userId) {
}
