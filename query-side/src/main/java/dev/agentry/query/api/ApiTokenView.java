package dev.agentry.query.api;

/** @param tokenHash hex SHA-256 of the secret, compared in constant time by the caller */
public record ApiTokenView(String tokenId, String tokenHash, boolean revoked, UserView user) {
}
