package dev.agentry.query.api;

import java.time.Instant;

/**
 * @param notifyUser the Slack user id that receives failure notices, or null
 * @param secretId   where the bot token is stored; only the Slack adapter reveals it, and no answer shows it
 */
public record SlackConnectionView(String userId, String teamId, String teamName, String botUserId, String notifyUser,
                                  String secretId, Instant connectedAt) {
}
