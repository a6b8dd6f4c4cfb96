package dev.agentry.command.api;

/**
 * A user's Slack connection, new or replacing the previous one.
 *
 * @param secretId         the bot token's reference in the secret store (never the token)
 * @param replacedSecretId the previous connection's token reference, now superseded; null when there was none
 */
public record SlackConnected(String userId, String teamId, String teamName, String botUserId, String notifyUser,
                             String secretId, String replacedSecretId) {
}
