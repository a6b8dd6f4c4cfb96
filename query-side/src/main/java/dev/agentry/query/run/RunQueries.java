package dev.agentry.query.run;

import dev.agentry.command.api.RunTrigger;
import dev.agentry.query.api.FindRun;
import dev.agentry.query.api.ListRuns;
import dev.agentry.query.api.RunView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Answers run queries from {@code agent_runs}, only ever for the owner of an agent that is not deleted. */
@Component
class RunQueries {

    private static final String SELECT_OWNED_RUNS = """
            SELECT r.* FROM agent_runs r JOIN agent_run_owners o ON o.agent_id = r.agent_id
            WHERE r.owner_id = :ownerId AND NOT o.deleted
            """;

    private final JdbcClient jdbc;

    RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first by start (the fire time, for scheduled runs); runs that start together by run id, descending. */
    @QueryHandler
    List<RunView> list(ListRuns query) {
        return jdbc.sql(SELECT_OWNED_RUNS + " AND r.agent_id = :agentId ORDER BY r.started_at DESC, r.run_id DESC"
                        + " LIMIT :limit")
                .param("ownerId", query.ownerId())
                .param("agentId", query.agentId())
                .param("limit", Math.max(query.limit(), 0))
                .query(RunQueries::run)
                .list();
    }

    @QueryHandler
    RunView find(FindRun query) {
        return jdbc.sql(SELECT_OWNED_RUNS + " AND r.run_id = :runId")
                .param("ownerId", query.ownerId())
                .param("runId", query.runId())
                .query(RunQueries::run)
                .optional()
                .orElse(null);
    }

    private static RunView run(ResultSet row, int rowNum) throws SQLException {
        return new RunView(
                row.getString("run_id"),
                row.getString("agent_id"),
                RunTrigger.valueOf(row.getString("trigger")),
                row.getString("outcome"),
                instant(row, "scheduled_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getString("model"),
                row.getLong("input_tokens"),
                row.getLong("output_tokens"),
                row.getString("summary"),
                row.getString("error_kind"),
                row.getString("error_message"),
                row.getString("transcript_ref"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
