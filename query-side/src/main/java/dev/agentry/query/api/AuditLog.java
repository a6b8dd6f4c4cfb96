package dev.agentry.query.api;

import java.time.Instant;
import java.util.List;

/**
 * One page of the audit log across every agent and user, newest first. Callers ask with
 * {@code ResponseTypes.multipleInstancesOf(AuditLogEntry.class)}.
 *
 * @param since   only entries at or after this time; null for no bound
 * @param until   only entries before this time; null for no bound
 * @param actor   only entries of this actor, by user name, user id or {@code system:*} name; null for all
 * @param agentId only entries about this agent; null for all
 * @param type    only entries of this event type (one of {@link #TYPES}); null for all
 * @param after   only entries older than this one, in the log's order (the previous page's last); null from the newest
 * @param limit   at most this many entries
 */
public record AuditLog(Instant since, Instant until, String actor, String agentId, String type, Position after,
                       int limit) {

    /** Every event type the audit log records, by name. */
    public static final List<String> TYPES = List.of(
            "AgentCreated", "AgentReconfigured", "AgentStarted", "AgentStopped", "AgentDeleted",
            "AgentRunRequested", "AgentRan", "AgentFailed", "AgentRunSkipped", "AgentScheduleRestored",
            "FailureNoticeDue", "FailureNoticeUndeliverable",
            "UserCreated", "ApiTokenIssued", "ApiTokenRevoked", "SlackConnected", "SlackDisconnected",
            "ModelRegistered", "ModelRedefined", "ModelEnabled", "ModelDisabled", "ModelOfferingNotFound");

    /**
     * Where an entry stands in the log: its time, then its insertion order among entries of the same time.
     * Entries recorded later at an earlier time sort by their time, so a page boundary never moves.
     */
    public record Position(Instant at, long sequence) {
    }
}
