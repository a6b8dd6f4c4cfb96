package dev.agentry.command.api;

/** @param secretId the removed connection's token reference, whose secret is deleted */
public record SlackDisconnected(String userId, String teamId, String secretId) {
}
