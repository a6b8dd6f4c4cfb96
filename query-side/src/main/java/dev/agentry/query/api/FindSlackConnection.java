package dev.agentry.query.api;

/** The Slack connection of one user; answers null (an empty Optional) when the user has none. */
public record FindSlackConnection(String userId) {
}
