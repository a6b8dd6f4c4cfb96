package dev.agentry.query.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import dev.agentry.query.write.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.agentry.query.write.ReadModelWrites.utc;

/**
 * Keeps one row per agent in {@code agent_status}. Every write is guarded by the aggregate
 * sequence number, so a redelivered or stale event leaves the row as it is. Run outcomes set the
 * last run (and the version, not {@code updated_at}: a run does not change the agent); events
 * that change nothing here (a run request, a restored schedule) are not handled, which leaves a gap
 * in the versions but keeps the guard sound, since sequence numbers only grow.
 */
@Component
@ProcessingGroup(ReadModel.AGENT_STATUS)
class AgentStatusProjection {

    private static final String RECORD_LAST_RUN = """
            UPDATE agent_status SET
                last_run_id = CASE WHEN %1$s THEN :runId ELSE last_run_id END,
                last_run_outcome = CASE WHEN %1$s THEN :outcome ELSE last_run_outcome END,
                last_run_finished_at = CASE WHEN %1$s THEN :finishedAt ELSE last_run_finished_at END,
                version = :version
            WHERE agent_id = :agentId AND version < :version
            """.formatted("(last_run_finished_at IS NULL OR last_run_finished_at <= :finishedAt)");

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final ObjectMapper json;

    AgentStatusProjection(JdbcClient jdbc, ReadModelWrites writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(AgentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ReadModelWrites.Write insert = writes.sql("""
                INSERT INTO agent_status (agent_id, owner_id, name, instructions, tier, model,
                    schedule_cron, schedule_timezone, tools, overlap, catch_up, max_consecutive_failures,
                    notify, max_tokens_per_run, max_tokens_per_day, status, created_at, updated_at, version)
                VALUES (:agentId, :ownerId, :name, :instructions, :tier, :model,
                    :cron, :timezone, CAST(:tools AS jsonb), :overlap, :catchUp, :maxConsecutiveFailures,
                    :notify, :maxTokensPerRun, :maxTokensPerDay, :status, :at, :at, :version)
                ON CONFLICT (agent_id) DO NOTHING
                """)
                .param("agentId", event.agentId())
                .param("ownerId", event.ownerId())
                .param("status", AgentStatus.STOPPED.name())
                .param("at", utc(at))
                .param("version", sequence);
        withSettings(insert, event.settings()).execute();
    }

    @EventHandler
    void on(AgentReconfigured event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ReadModelWrites.Write update = writes.sql("""
                UPDATE agent_status
                SET name = :name, instructions = :instructions, tier = :tier, model = :model,
                    schedule_cron = :cron, schedule_timezone = :timezone, tools = CAST(:tools AS jsonb),
                    overlap = :overlap, catch_up = :catchUp, max_consecutive_failures = :maxConsecutiveFailures,
                    notify = :notify, max_tokens_per_run = :maxTokensPerRun, max_tokens_per_day = :maxTokensPerDay,
                    updated_at = :at, version = :version
                WHERE agent_id = :agentId AND version < :version
                """)
                .param("agentId", event.agentId())
                .param("at", utc(at))
                .param("version", sequence);
        withSettings(update, event.settings()).execute();
    }

    @EventHandler
    void on(AgentStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.agentId(), AgentStatus.RUNNING, sequence, at);
    }

    @EventHandler
    void on(AgentStopped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.agentId(), AgentStatus.STOPPED, sequence, at);
    }

    @EventHandler
    void on(AgentDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.agentId(), AgentStatus.DELETED, sequence, at);
    }

    @EventHandler
    void on(AgentRan event, @SequenceNumber long sequence) {
        recordLastRun(event.agentId(), event.runId(), "SUCCEEDED", event.finishedAt(), sequence);
    }

    @EventHandler
    void on(AgentFailed event, @SequenceNumber long sequence) {
        recordLastRun(event.agentId(), event.runId(), "FAILED", event.finishedAt(), sequence);
    }

    /** A skipped run is over the moment it is skipped. */
    @EventHandler
    void on(AgentRunSkipped event, @SequenceNumber long sequence) {
        recordLastRun(event.agentId(), event.runId(), "SKIPPED", event.scheduledAt(), sequence);
    }

    @ResetHandler
    void forgetAllAgents() {
        jdbc.sql("DELETE FROM agent_status").update();
    }

    private void changeStatus(String agentId, AgentStatus status, long sequence, Instant at) {
        writes.sql("""
                UPDATE agent_status SET status = :status, updated_at = :at, version = :version
                WHERE agent_id = :agentId AND version < :version
                """)
                .param("agentId", agentId)
                .param("status", status.name())
                .param("at", utc(at))
                .param("version", sequence)
                .execute();
    }

    /**
     * The last run is the one that finished latest, not the one recorded last: a long run may be
     * recorded after a fire skipped while it was going. Of two that finished together, the later event wins.
     */
    private void recordLastRun(String agentId, String runId, String outcome, Instant finishedAt, long sequence) {
        writes.sql(RECORD_LAST_RUN)
                .param("agentId", agentId)
                .param("runId", runId)
                .param("outcome", outcome)
                .param("finishedAt", utc(finishedAt))
                .param("version", sequence)
                .execute();
    }

    private ReadModelWrites.Write withSettings(ReadModelWrites.Write statement, AgentSettings settings) {
        return statement
                .param("name", settings.name())
                .param("instructions", settings.instructions())
                .param("tier", settings.tier() == null ? null : settings.tier().name())
                .param("model", settings.model())
                .param("cron", settings.schedule() == null ? null : settings.schedule().cron())
                .param("timezone", settings.schedule() == null ? null : settings.schedule().timezone())
                .param("tools", toolsJson(settings))
                .param("overlap", settings.overlap() == null ? null : settings.overlap().name())
                .param("catchUp", settings.catchUp() == null ? null : settings.catchUp().name())
                .param("maxConsecutiveFailures", settings.maxConsecutiveFailures())
                .param("notify", settings.notifications().name())
                .param("maxTokensPerRun", settings.maxTokensPerRun())
                .param("maxTokensPerDay", settings.maxTokensPerDay());
    }

    private String toolsJson(AgentSettings settings) {
        try {
            return json.writeValueAsString(settings.tools());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tools of agent '" + settings.name() + "' are not serialisable", e);
        }
    }
}
