package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A due failure notice could not be sent; sent by the platform itself. Changes nothing for a deleted agent or a
 * notice already recorded as undeliverable.
 *
 * @param reason what stood in the way, in capitals: NO_SLACK_CONNECTION, NO_NOTIFY_USER, SLACK_TOKEN_UNREADABLE,
 *               SLACK_REFUSED or SLACK_UNAVAILABLE
 * @param detail for the owner, e.g. Slack's error code; never a token
 */
public record RecordUndeliverableFailureNotice(@TargetAggregateIdentifier String agentId, String noticeId,
                                               FailureNoticeKind kind, String runId, String reason, String detail) {
}
