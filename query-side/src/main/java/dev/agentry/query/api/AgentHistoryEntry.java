package dev.agentry.query.api;

import java.time.Instant;
import java.util.Map;

/**
 * One lifecycle event of an agent, as the audit trail records it.
 *
 * @param type    the event name, e.g. {@code AgentStarted}
 * @param actor   the acting user's name or a {@code system:*} name
 * @param reason  the event's reason where it has one, else null
 * @param details event-specific fields, e.g. the settings after a reconfiguration
 */
public record AgentHistoryEntry(String type, Instant at, String actor, String reason, Map<String, Object> details) {
}
