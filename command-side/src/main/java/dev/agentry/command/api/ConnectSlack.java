package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Connects a user to a Slack workspace whose bot token was checked and stored as a secret.
 *
 * @param secretId   the stored bot token's reference; the token itself never enters the event store
 * @param notifyUser the Slack user id that receives the user's failure notices, or null for none
 */
public record ConnectSlack(@TargetAggregateIdentifier String userId, String teamId, String teamName, String botUserId,
                           String notifyUser, String secretId) {
}
