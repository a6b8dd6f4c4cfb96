package dev.agentry.query.api;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log.
 *
 * @param position where it stands, for the next page
 * @param actor    the acting user's name, or a {@code system:*} name
 * @param agentId  the agent it is about; null for users, tokens, Slack connections and models
 * @param reason   the event's reason where it has one, else null
 * @param details  event-specific fields, never a token, its hash or any other secret
 */
public record AuditLogEntry(AuditLog.Position position, String type, String actor, String agentId, String reason,
                            Map<String, Object> details) {

    public Instant at() {
        return position.at();
    }
}
