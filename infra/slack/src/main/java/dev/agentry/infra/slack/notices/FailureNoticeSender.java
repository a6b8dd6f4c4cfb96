package dev.agentry.infra.slack.notices;

import dev.agentry.command.api.FailureNoticeDue;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RecordUndeliverableFailureNotice;
import dev.agentry.infra.secrets.SecretUnreadableException;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.infra.slack.SlackRecords.DirectMessage;
import dev.agentry.infra.slack.SlackWebApi;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Sends each due failure notice as a DM from the owner's Slack bot to the connection's notify user. The processor's
 * token store hands each notice to one node; a notice handed out again after a node died looks for its earlier post
 * (by the notice id in the message metadata) before posting. A notice that cannot be sent is recorded on the agent
 * and left there: the run it is about is finished and stays as it ended. Only the reading of the connection (the
 * database or the key service away) and the recording itself are retried by the processor.
 */
@ProcessingGroup(FailureNoticeSender.PROCESSING_GROUP)
class FailureNoticeSender {

    static final String PROCESSING_GROUP = "failure-notices";
    static final String ACTOR = "system:notices";
    /** how often a notice is tried while Slack is unreachable or rate limiting, before it is recorded as undeliverable */
    static final int SEND_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(FailureNoticeSender.class);

    private final SlackConnections connections;
    private final SlackWebApi slack;
    private final NoticeAttempts attempts;
    private final CommandGateway commands;
    private final Duration pauseBetweenAttempts;

    FailureNoticeSender(SlackConnections connections, SlackWebApi slack, NoticeAttempts attempts,
                        CommandGateway commands, Duration pauseBetweenAttempts) {
        this.connections = connections;
        this.slack = slack;
        this.attempts = attempts;
        this.commands = commands;
        this.pauseBetweenAttempts = pauseBetweenAttempts;
    }

    @EventHandler
    void on(FailureNoticeDue notice) {
        Optional<SlackConnections.Connected> connected;
        try {
            connected = connections.connectedAs(notice.ownerId());
        } catch (SecretUnreadableException lostKey) {
            // no retry mends a token whose key is gone; the owner connecting again does
            undeliverable(notice, "SLACK_TOKEN_UNREADABLE", "the stored bot token cannot be decrypted; connect Slack again");
            return;
        }
        if (connected.isEmpty()) {
            undeliverable(notice, "NO_SLACK_CONNECTION", "the agent's owner has not connected Slack (slack_connect)");
            return;
        }
        String notifyUser = connected.get().connection().notifyUser();
        if (notifyUser == null || notifyUser.isBlank()) {
            undeliverable(notice, "NO_NOTIFY_USER",
                    "the owner's Slack connection names nobody to notify (slack_connect with notify_user)");
            return;
        }
        String text = FailureNoticeText.of(notice);
        boolean triedBefore = attempts.beginAndTellIfTriedBefore(notice.noticeId());
        for (int attempt = 1; ; attempt++) {
            try {
                DirectMessage sent = slack.sendNotice(connected.get().token(), notifyUser, text, notice.noticeId(),
                        triedBefore || attempt > 1);
                log.info("Failure notice {} ({}) of agent {} sent to {} in {}", notice.noticeId(), notice.kind(),
                        notice.agentId(), notifyUser, sent.channel());
                return;
            } catch (SlackFailure failure) {
                boolean worthRetrying = failure.kind() == SlackFailure.Kind.UNAVAILABLE
                        || failure.kind() == SlackFailure.Kind.RATE_LIMITED;
                if (!worthRetrying) {
                    undeliverable(notice, "SLACK_REFUSED", failure.getMessage());
                    return;
                }
                if (attempt >= SEND_ATTEMPTS) {
                    undeliverable(notice, "SLACK_UNAVAILABLE", failure.getMessage());
                    return;
                }
                pause(attempt);
            }
        }
    }

    private void undeliverable(FailureNoticeDue notice, String reason, String detail) {
        log.warn("Failure notice {} ({}) of agent {} not sent: {} ({})", notice.noticeId(), notice.kind(),
                notice.agentId(), reason, detail);
        commands.sendAndWait(MessageMetadata.sentBy(new RecordUndeliverableFailureNotice(notice.agentId(),
                notice.noticeId(), notice.kind(), notice.runId(), reason, detail), ACTOR, ACTOR));
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(pauseBetweenAttempts.multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts of a failure notice", e);
        }
    }
}
