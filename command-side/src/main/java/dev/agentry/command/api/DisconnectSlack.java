package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a user's Slack connection; a user without one is left as they are. */
public record DisconnectSlack(@TargetAggregateIdentifier String userId) {
}
