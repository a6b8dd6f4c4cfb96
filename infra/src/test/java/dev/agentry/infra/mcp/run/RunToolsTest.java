package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.security.Caller;
import dev.agentry.infra.testing.PostgresTestDatabase;
import dev.agentry.infra.testing.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;

/** The run tools on the real command side and read models (Temporal left out: they only record and read). */
class RunToolsTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Caller BOB = new Caller("user-bob", "bob", Role.USER);
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static RunAgentNowTool runNow;
    private static ListRunsTool listRuns;

    @BeforeAll
    static void startThePlatform() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home);
        platform.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), "user-admin", "admin");
        platform.send(new CreateUser(BOB.userId(), BOB.username(), Role.USER), "user-admin", "admin");
        runNow = platform.bean(RunAgentNowTool.class);
        listRuns = platform.bean(ListRunsTool.class);
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
    }

    @Test
    void runAgentNowRequestsAManualRunThatListRunsShowsAtOnce() {
        String agentId = createAgent(ALICE);

        Map<String, Object> answer = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId)));

        String runId = answer.get("run_id").toString();
        assertThat(answer).containsEntry("agent_id", agentId);
        assertThat(runId).startsWith("run-" + agentId + "-manual-");
        assertThat(platform.jdbc().sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1").param(agentId).query(String.class).single())
                .isEqualTo(AgentRunRequested.class.getName());
        List<Map<String, Object>> runs = runs(ALICE, agentId, 20);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("run_id", runId).containsEntry("trigger", "MANUAL")
                .containsEntry("outcome", "RUNNING").containsEntry("finished_at", null).doesNotContainKey("error");
    }

    @Test
    void everyManualRunGetsARunIdOfItsOwn() {
        String agentId = createAgent(ALICE);

        Object first = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId))).get("run_id");
        Object second = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId))).get("run_id");

        assertThat(first).isNotEqualTo(second);
        assertThat(runs(ALICE, agentId, 20)).extracting(run -> run.get("run_id")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void listRunsShowsTheNewestRunsFirstWithTheirOutcomesWithinTheLimit() {
        String agentId = createAgent(ALICE);
        for (int fire = 0; fire < 3; fire++) {
            Instant at = FIRE.plusSeconds(300L * fire);
            platform.send(new RecordAgentRun(agentId, scheduledRun(agentId, at), RunTrigger.SCHEDULE, at, at, at.plusSeconds(7),
                    "claude-sonnet", 120 + fire, 30, "done", null), "system:scheduler", "system:scheduler");
        }
        Instant failedAt = FIRE.plusSeconds(900);
        platform.send(new RecordAgentFailure(agentId, scheduledRun(agentId, failedAt), RunTrigger.SCHEDULE, failedAt, failedAt,
                failedAt.plusSeconds(3), "claude-sonnet", "RATE_LIMITED", "the provider refused: too many requests", 0, 0, null),
                "system:scheduler", "system:scheduler");

        List<Map<String, Object>> runs = runs(ALICE, agentId, 2);

        assertThat(runs).extracting(run -> run.get("run_id"))
                .containsExactly(scheduledRun(agentId, failedAt), scheduledRun(agentId, FIRE.plusSeconds(600)));
        assertThat(runs.get(0)).containsEntry("outcome", "FAILED")
                .containsEntry("error", "RATE_LIMITED: the provider refused: too many requests");
        assertThat(runs.get(1)).containsEntry("outcome", "SUCCEEDED").containsEntry("started_at", FIRE.plusSeconds(600).toString())
                .containsEntry("model", "claude-sonnet").containsEntry("input_tokens", 122L).containsEntry("output_tokens", 30L);
        assertThat(runs(ALICE, agentId, 20)).hasSize(4);
    }

    @Test
    void getRunShowsTheRunWithItsStoredTranscript() {
        String agentId = createAgent(ALICE);
        String runId = scheduledRun(agentId, FIRE);
        platform.send(new RecordAgentRun(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(7),
                "claude-sonnet", 120, 30, "It is 09:00 in Berlin.", "transcripts/" + runId), "system:scheduler", "system:scheduler");
        byte[] transcript = """
                {"messages": [{"role": "user", "text": "What time is it?"},
                              {"role": "assistant", "tool_calls": [{"name": "current_time", "arguments": {"timezone": "Europe/Berlin"}}]},
                              {"role": "tool", "name": "current_time", "result": "2026-11-26T09:00:00+01:00[Europe/Berlin]"},
                              {"role": "assistant", "text": "It is 09:00 in Berlin."}]}""".getBytes(StandardCharsets.UTF_8);
        GetRunTool getRun = getRunReadingTranscripts(Map.of("transcripts/" + runId, transcript));

        Map<String, Object> run = structured(getRun, ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)));

        assertThat(run).containsEntry("agent_id", agentId).containsEntry("run_id", runId).containsEntry("outcome", "SUCCEEDED")
                .containsEntry("scheduled_at", FIRE.toString()).containsEntry("summary", "It is 09:00 in Berlin.");
        assertThat(run.get("transcript")).isEqualTo(new ObjectMapperReading().read(transcript));
    }

    @Test
    void aRunWithoutStoredTranscriptIsShownWithoutOne() {
        String agentId = createAgent(ALICE);
        String runId = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId))).get("run_id").toString();
        GetRunTool getRun = getRunReadingTranscripts(Map.of());

        Map<String, Object> run = structured(getRun, ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)));

        assertThat(run).containsEntry("outcome", "RUNNING").containsEntry("transcript", null).containsEntry("summary", null);
    }

    @Test
    void anotherUsersAgentAndItsRunsAreNotFound() {
        String alicesAgent = createAgent(ALICE);
        String alicesRun = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", alicesAgent))).get("run_id").toString();
        long events = platform.eventCount();
        GetRunTool getRun = getRunReadingTranscripts(Map.of());

        assertThat(errorText(ToolCalls.call(runNow, BOB, Map.of("agent_id", alicesAgent))))
                .isEqualTo("not_found: agent '" + alicesAgent + "' not found");
        assertThat(errorText(ToolCalls.call(listRuns, BOB, Map.of("agent_id", alicesAgent))))
                .isEqualTo("not_found: agent '" + alicesAgent + "' not found");
        assertThat(errorText(ToolCalls.call(getRun, BOB, Map.of("run_id", alicesRun))))
                .isEqualTo("not_found: run '" + alicesRun + "' not found");
        assertThat(platform.eventCount()).isEqualTo(events);
    }

    @Test
    void aDeletedAgentCannotBeRunAndItsRunsAreGone() {
        String agentId = createAgent(ALICE);
        String runId = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId))).get("run_id").toString();
        platform.send(new DeleteAgent(agentId, ALICE.userId()), ALICE.userId(), ALICE.username());
        GetRunTool getRun = getRunReadingTranscripts(Map.of());

        assertThat(errorText(ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId)))).startsWith("not_found:");
        assertThat(errorText(ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)))).startsWith("not_found:");
    }

    @Test
    void aLimitOutsideItsRangeIsRefusedNamingIt() {
        String agentId = createAgent(ALICE);

        assertThat(errorText(ToolCalls.call(listRuns, ALICE, Map.of("agent_id", agentId, "limit", 0))))
                .startsWith("invalid_argument:").contains("limit");
    }

    private static List<Map<String, Object>> runs(Caller caller, String agentId, int limit) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) structured(listRuns,
                ToolCalls.call(listRuns, caller, Map.of("agent_id", agentId, "limit", limit))).get("runs");
        return runs;
    }

    private static GetRunTool getRunReadingTranscripts(Map<String, byte[]> stored) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("transcripts", (RunTranscripts) reference -> Optional.ofNullable(stored.get(reference)));
        return new GetRunTool(platform.bean(ReadModelQueries.class), beans.getBeanProvider(RunTranscripts.class),
                new ObjectMapper());
    }

    private static String createAgent(Caller owner) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, owner.userId(), new AgentSettings("reporter", "Tell the time.",
                ReasoningTier.STANDARD, null, new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), owner.userId(), owner.username());
        return agentId;
    }

    private static String scheduledRun(String agentId, Instant fireAt) {
        return "run-" + agentId + "-" + fireAt.getEpochSecond();
    }

    /** The transcript as plain JSON values, to compare with what the tool answers. */
    private static final class ObjectMapperReading {
        Object read(byte[] json) {
            try {
                return new ObjectMapper().readValue(json, Object.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
