package dev.agentry.query.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.query.api.AgentView;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads an {@code agent_status} row joined with the owner's {@code username AS owner}, adding the
 * next run time as of now; the day's token usage comes from another table, see {@link TokensUsedToday}.
 */
class AgentViewRowMapper implements RowMapper<AgentView> {

    private static final TypeReference<List<String>> TOOL_NAMES = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final NextRunTime nextRunTime;

    AgentViewRowMapper(ObjectMapper json, NextRunTime nextRunTime) {
        this.json = json;
        this.nextRunTime = nextRunTime;
    }

    @Override
    public AgentView mapRow(ResultSet row, int rowNum) throws SQLException {
        AgentStatus status = AgentStatus.valueOf(row.getString("status"));
        Schedule schedule = schedule(row);
        return new AgentView(
                row.getString("agent_id"),
                row.getString("owner_id"),
                row.getString("owner"),
                row.getString("name"),
                row.getString("instructions"),
                enumOrNull(ReasoningTier.class, row.getString("tier")),
                row.getString("model"),
                schedule,
                tools(row.getString("tools")),
                enumOrNull(OverlapPolicy.class, row.getString("overlap")),
                enumOrNull(CatchUpPolicy.class, row.getString("catch_up")),
                row.getObject("max_consecutive_failures", Integer.class),
                enumOrNull(NotifyPolicy.class, row.getString("notify")),
                row.getObject("max_tokens_per_run", Long.class),
                row.getObject("max_tokens_per_day", Long.class),
                status,
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getLong("version"),
                nextRunTime.of(status, schedule),
                lastRun(row),
                0);
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        String cron = row.getString("schedule_cron");
        return cron == null ? null : new Schedule(cron, row.getString("schedule_timezone"));
    }

    private static AgentView.LastRun lastRun(ResultSet row) throws SQLException {
        String runId = row.getString("last_run_id");
        return runId == null ? null
                : new AgentView.LastRun(runId, row.getString("last_run_outcome"), instant(row, "last_run_finished_at"));
    }

    private List<String> tools(String toolsJson) {
        try {
            return List.copyOf(json.readValue(toolsJson, TOOL_NAMES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent_status.tools is not a JSON array of names: " + toolsJson, e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
