package dev.agentry.query.run;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import dev.agentry.query.write.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.agentry.query.write.ReadModelWrites.utc;

/**
 * Keeps one {@code agent_runs} row per run, and in {@code agent_run_owners} whose agent it is.
 * A manual request inserts a RUNNING row that the run's outcome completes; an outcome inserts or
 * overwrites the row with the same values every time, so a redelivered event changes nothing.
 *
 * <p>A run of an agent the table does not know fails loudly (owner_id is NOT NULL): the agent's
 * creation always comes first in this group, so a missing owner is a bug to retry, not a run to drop.
 */
@Component
@ProcessingGroup(ReadModel.RUN_HISTORY)
class RunHistoryProjection {

    private static final String OWNER_OF_THE_AGENT =
            "(SELECT owner_id FROM agent_run_owners WHERE agent_id = :agentId)";
    /** DO NOTHING: on redelivery the row may already carry the run's outcome. */
    private static final String INSERT_REQUESTED_RUN = """
            INSERT INTO agent_runs (run_id, agent_id, owner_id, trigger, outcome, started_at)
            VALUES (:runId, :agentId, %s, :trigger, 'RUNNING', :at)
            ON CONFLICT (run_id) DO NOTHING
            """.formatted(OWNER_OF_THE_AGENT);
    private static final String RECORD_RUN = """
            INSERT INTO agent_runs (run_id, agent_id, owner_id, trigger, outcome, scheduled_at, started_at,
                finished_at, model, input_tokens, output_tokens, summary, error_kind, error_message, transcript_ref)
            VALUES (:runId, :agentId, %s, :trigger, :outcome, :scheduledAt, :startedAt,
                :finishedAt, :model, :inputTokens, :outputTokens, :summary, :errorKind, :errorMessage, :transcriptRef)
            ON CONFLICT (run_id) DO UPDATE SET
                trigger = EXCLUDED.trigger, outcome = EXCLUDED.outcome, scheduled_at = EXCLUDED.scheduled_at,
                started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, model = EXCLUDED.model,
                input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
                summary = EXCLUDED.summary, error_kind = EXCLUDED.error_kind,
                error_message = EXCLUDED.error_message, transcript_ref = EXCLUDED.transcript_ref
            WHERE agent_runs.agent_id = EXCLUDED.agent_id
            """.formatted(OWNER_OF_THE_AGENT);

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;

    RunHistoryProjection(JdbcClient jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(AgentCreated event) {
        writes.sql("INSERT INTO agent_run_owners (agent_id, owner_id) VALUES (:agentId, :ownerId) ON CONFLICT DO NOTHING")
                .param("agentId", event.agentId())
                .param("ownerId", event.ownerId())
                .execute();
    }

    @EventHandler
    void on(AgentDeleted event) {
        writes.sql("UPDATE agent_run_owners SET deleted = TRUE WHERE agent_id = :agentId")
                .param("agentId", event.agentId())
                .execute();
    }

    @EventHandler
    void on(AgentRunRequested event, @Timestamp Instant at) {
        writes.sql(INSERT_REQUESTED_RUN)
                .param("runId", event.runId())
                .param("agentId", event.agentId())
                .param("trigger", RunTrigger.MANUAL.name())
                .param("at", utc(at))
                .execute();
    }

    @EventHandler
    void on(AgentRan event) {
        record(new RunRow(event.runId(), event.agentId(), event.trigger(), "SUCCEEDED", event.scheduledAt(),
                event.trigger().startOfRun(event.scheduledAt(), event.startedAt()), event.finishedAt(),
                event.model(), event.inputTokens(), event.outputTokens(), event.summary(), null, null,
                event.transcriptRef()));
    }

    @EventHandler
    void on(AgentFailed event) {
        record(new RunRow(event.runId(), event.agentId(), event.trigger(), "FAILED", event.scheduledAt(),
                event.trigger().startOfRun(event.scheduledAt(), event.startedAt()), event.finishedAt(),
                event.model(), event.inputTokens(), event.outputTokens(), null, event.errorKind(),
                event.errorMessage(), event.transcriptRef()));
    }

    /** A skipped run starts and ends the moment it is skipped. */
    @EventHandler
    void on(AgentRunSkipped event) {
        record(new RunRow(event.runId(), event.agentId(), event.trigger(), "SKIPPED", event.scheduledAt(),
                event.scheduledAt(), event.scheduledAt(), null, 0, 0, null, null, null, null));
    }

    @ResetHandler
    void forgetAllRuns() {
        jdbc.sql("DELETE FROM agent_runs").update();
        jdbc.sql("DELETE FROM agent_run_owners").update();
    }

    private record RunRow(String runId, String agentId, RunTrigger trigger, String outcome, Instant scheduledAt,
                          Instant startedAt, Instant finishedAt, String model, long inputTokens, long outputTokens,
                          String summary, String errorKind, String errorMessage, String transcriptRef) {
    }

    private void record(RunRow run) {
        writes.sql(RECORD_RUN)
                .param("runId", run.runId())
                .param("agentId", run.agentId())
                .param("trigger", run.trigger().name())
                .param("outcome", run.outcome())
                .param("scheduledAt", utc(run.scheduledAt()))
                .param("startedAt", utc(run.startedAt()))
                .param("finishedAt", utc(run.finishedAt()))
                .param("model", run.model())
                .param("inputTokens", run.inputTokens())
                .param("outputTokens", run.outputTokens())
                .param("summary", run.summary())
                .param("errorKind", run.errorKind())
                .param("errorMessage", run.errorMessage())
                .param("transcriptRef", run.transcriptRef())
                .execute();
    }
}
