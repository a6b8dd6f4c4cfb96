package dev.agentry.query.api;

/** Looks a bearer token up by the hex SHA-256 of its full text; answers null when none matches. */
public record FindApiTokenByHash(String tokenHash) {
}
