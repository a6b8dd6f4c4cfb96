package dev.agentry.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.query.api.AuditLog;
import dev.agentry.query.api.AuditLogEntry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.agentry.query.write.ReadModelWrites.utc;

/** Answers the audit log across every agent and user, for admins; the tool checks the role. */
@Component
class AuditLogQueries {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLogQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Newest first by time, then by insertion order. A page continues strictly after the previous page's last
     * entry (keyset), so entries recorded meanwhile neither repeat nor shift an entry out of the pages.
     */
    @QueryHandler
    List<AuditLogEntry> page(AuditLog query) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.since() != null) {
            conditions.add("at >= :since");
            params.put("since", utc(query.since()));
        }
        if (query.until() != null) {
            conditions.add("at < :until");
            params.put("until", utc(query.until()));
        }
        if (query.actor() != null) {
            conditions.add("(actor = :actor OR actor_id = :actor)");
            params.put("actor", query.actor());
        }
        if (query.agentId() != null) {
            conditions.add("agent_id = :agentId");
            params.put("agentId", query.agentId());
        }
        if (query.type() != null) {
            conditions.add("type = :type");
            params.put("type", query.type());
        }
        if (query.after() != null) {
            conditions.add("(at, position) < (:afterAt, :afterPosition)");
            params.put("afterAt", utc(query.after().at()));
            params.put("afterPosition", query.after().sequence());
        }
        params.put("limit", Math.max(query.limit(), 0));
        return jdbc.sql("SELECT position, type, at, actor, agent_id, user_id, reason, details FROM audit_log WHERE "
                        + String.join(" AND ", conditions) + " ORDER BY at DESC, position DESC LIMIT :limit")
                .params(params)
                .query(this::entry)
                .list();
    }

    private AuditLogEntry entry(ResultSet row, int rowNum) throws SQLException {
        Map<String, Object> details = details(row.getString("details"));
        String userId = row.getString("user_id");
        if (userId != null) {
            // which user an identity or Slack entry concerns is a column of its own; the answer has it in details
            details.putIfAbsent("user_id", userId);
        }
        return new AuditLogEntry(
                new AuditLog.Position(row.getObject("at", OffsetDateTime.class).toInstant(), row.getLong("position")),
                row.getString("type"),
                row.getString("actor"),
                row.getString("agent_id"),
                row.getString("reason"),
                Collections.unmodifiableMap(details));
    }

    private Map<String, Object> details(String detailsJson) {
        try {
            return json.readValue(detailsJson, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log.details is not a JSON object: " + detailsJson, e);
        }
    }
}
