package dev.agentry.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Answers an agent's history from {@code audit_log}, to its owner only. */
@Component
class AgentHistoryQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AgentHistoryQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The latest {@code limit} events of the agent, oldest first (in aggregate sequence order): an agent
     * that has run for months still shows why it stopped yesterday.
     * Empty when the agent is unknown, owned by someone else or DELETED, like {@code FindAgent},
     * so that nobody learns from the history that another user's agent exists.
     * Callers ask with {@code ResponseTypes.multipleInstancesOf(AgentHistoryEntry.class)}.
     */
    @QueryHandler
    List<AgentHistoryEntry> history(AgentHistory query) {
        return jdbc.sql("""
                        SELECT type, at, actor, reason, details FROM (
                            SELECT l.type, l.at, l.actor, l.reason, l.details, l.sequence_number, l.position
                            FROM audit_log l JOIN agent_status a ON a.agent_id = l.agent_id
                            WHERE l.agent_id = :agentId AND a.owner_id = :ownerId AND a.status <> 'DELETED'
                            ORDER BY l.sequence_number DESC, l.position DESC
                            LIMIT :limit) latest
                        ORDER BY sequence_number, position
                        """)
                .param("agentId", query.agentId())
                .param("ownerId", query.ownerId())
                .param("limit", Math.max(query.limit(), 0))
                .query(this::entry)
                .list();
    }

    private AgentHistoryEntry entry(ResultSet row, int rowNum) throws SQLException {
        return new AgentHistoryEntry(
                row.getString("type"),
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getString("reason"),
                details(row.getString("details")));
    }

    private Map<String, Object> details(String detailsJson) {
        try {
            return Collections.unmodifiableMap(json.readValue(detailsJson, JSON_OBJECT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log.details is not a JSON object: " + detailsJson, e);
        }
    }
}
