package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        String transcriptRef = platform.bean(RunTranscripts.class).store(new RunTranscript(agentId, runId, "claude-sonnet", FIRE,
                FIRE.plusSeconds(7), "Tell the time.", List.of(), List.of(
                        ConversationMessage.user("What time is it?"),
                        ConversationMessage.assistant(List.of(new ContentPart.ToolCall("call-1", "current_time",
                                "{\"timezone\":\"Europe/Berlin\"}"))),
                        ConversationMessage.user(List.of(new ContentPart.ToolResult("call-1",
                                "2026-11-26T09:00:00+01:00[Europe/Berlin]", false))),
                        ConversationMessage.assistant(List.of(new ContentPart.Text("It is 09:00 in Berlin.")))),
                "It is 09:00 in Berlin.", null, null, new TokenUsage(120, 30)));
        platform.send(new RecordAgentRun(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(7),
                "claude-sonnet", 120, 30, "It is 09:00 in Berlin.", transcriptRef), "system:scheduler", "system:scheduler");
        GetRunTool getRun = platform.bean(GetRunTool.class);

        Map<String, Object> run = structured(getRun, ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)));

        assertThat(run).containsEntry("agent_id", agentId).containsEntry("run_id", runId).containsEntry("outcome", "SUCCEEDED")
                .containsEntry("scheduled_at", FIRE.toString()).containsEntry("summary", "It is 09:00 in Berlin.");
        ObjectMapperReading json = new ObjectMapperReading();
        assertThat(json.normalised(run.get("transcript"))).isEqualTo(json.read("""
                {"model": "claude-sonnet", "started_at": "2026-11-26T08:00:00Z", "finished_at": "2026-11-26T08:00:07Z",
                 "instructions": "Tell the time.", "tools": [],
                 "messages": [
                   {"role": "user", "content": [{"type": "text", "text": "What time is it?"}]},
                   {"role": "assistant", "content": [{"type": "tool_call", "id": "call-1", "name": "current_time",
                                                      "arguments": {"timezone": "Europe/Berlin"}}]},
                   {"role": "user", "content": [{"type": "tool_result", "call_id": "call-1",
                                                 "content": "2026-11-26T09:00:00+01:00[Europe/Berlin]", "is_error": false}]},
                   {"role": "assistant", "content": [{"type": "text", "text": "It is 09:00 in Berlin."}]}],
                 "final_answer": "It is 09:00 in Berlin.", "error": null,
                 "usage": {"input_tokens": 120, "output_tokens": 30}, "model_calls": []}""".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRunWithoutStoredTranscriptIsShownWithoutOne() {
        String agentId = createAgent(ALICE);
        String runId = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", agentId))).get("run_id").toString();
        GetRunTool getRun = platform.bean(GetRunTool.class);

        Map<String, Object> run = structured(getRun, ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)));

        assertThat(run).containsEntry("outcome", "RUNNING").containsEntry("transcript", null).containsEntry("summary", null);
    }

    @Test
    void anotherUsersAgentAndItsRunsAreNotFound() {
        String alicesAgent = createAgent(ALICE);
        String alicesRun = structured(runNow, ToolCalls.call(runNow, ALICE, Map.of("agent_id", alicesAgent))).get("run_id").toString();
        long events = platform.eventCount();
        GetRunTool getRun = platform.bean(GetRunTool.class);

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
        GetRunTool getRun = platform.bean(GetRunTool.class);

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

    private static String createAgent(Caller owner) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, owner.userId(), new AgentSettings("reporter", "Tell the time.",
                ReasoningTier.STANDARD, null, new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                // no failure notices, which would append events of their own while a test counts them
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null).withNotify(NotifyPolicy.NONE)), owner.userId(), owner.username());
        return agentId;
    }

    private static String scheduledRun(String agentId, Instant fireAt) {
        return "run-" + agentId + "-" + fireAt.getEpochSecond();
    }

    /** JSON as plain values with every number as the smallest type that holds it, to compare answers with. */
    private static final class ObjectMapperReading {
        private static final ObjectMapper JSON = new ObjectMapper();

        Object read(byte[] json) {
            try {
                return JSON.readValue(json, Object.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Object normalised(Object answer) {
            try {
                return read(JSON.writeValueAsBytes(answer));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
