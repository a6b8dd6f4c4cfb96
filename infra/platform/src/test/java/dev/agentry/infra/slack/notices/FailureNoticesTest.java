package dev.agentry.infra.slack.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.ConnectSlack;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.slack.BotToken;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackWebApi;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import dev.agentry.query.api.FindRun;
import dev.agentry.query.api.RunView;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.ToolActivities;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure notices end to end inside one platform: real runs (the run workflow with the platform's activities and an
 * LLM server in the chat-completions wire format), the agent deciding which notices are due, the notice processor
 * and the Slack SDK against a local Slack Web API server.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureNoticesTest {

    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String ALICE_TOKEN = "xoxb-alice-notices";
    private static final String BOB_TOKEN = "xoxb-bob-notices";
    /** Ada is whom Alice's connection notifies; the DM channel with her is D01ADA */
    private static final String ADA_DM = "D01ADA";
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final Instant FIRST_FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final Duration NOTICE_DEADLINE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer llm;
    private static LocalSlackServer slack;
    private static RunningPlatform platform;
    private static TestWorkflowEnvironment temporal;
    private static final AtomicInteger fires = new AtomicInteger();

    @BeforeAll
    static void startPlatformSlackAndTemporal() throws Exception {
        slack = LocalSlackServer.start();
        slack.workspace(ALICE_TOKEN, "T0ALICE", "Alice Corp", "U0ABOT").user("U01ADA", "ada", "Ada Lovelace", "ada@alice.test");
        slack.workspace(BOB_TOKEN, "T0BOB", "Bob Corp", "U0BBOT").user("U09BEA", "bea", "Bea Bob", "bea@bob.test");
        database = PostgresTestDatabase.create();
        llm = FakeVendorServer.start();
        platform = RunningPlatform.start(database, home,
                "agentry.providers.openai-compatible.base-url=" + llm.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.preference=openai-compatible",
                "agentry.slack.base-url=" + slack.baseUrl());
        for (String user : List.of(ALICE, BOB, CAROL)) {
            platform.send(new CreateUser(user, user.substring("user-".length()), Role.USER), "user-admin", "admin");
        }
        connect(ALICE, ALICE_TOKEN, "T0ALICE", "U0ABOT", "U01ADA");
        // Bob's connection names nobody to notify; Carol has none
        connect(BOB, BOB_TOKEN, "T0BOB", "U0BBOT", null);
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = temporal.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentRunWorkflowImpl.class);
        worker.registerActivitiesImplementations(platform.bean(RunActivities.class), platform.bean(LlmActivities.class),
                platform.bean(ToolActivities.class));
        temporal.start();
    }

    @AfterAll
    static void stopEverything() {
        if (temporal != null) {
            temporal.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aFailingAgentDmsItsOwnerOncePerStreakAndOnceOnRecovery() {
        String agentId = createAgent(ALICE, "Nightly digest", NotifyPolicy.FAILURES, null);

        String run1 = failingRun(agentId);
        awaitNotices(agentId, 1);
        String run2 = failingRun(agentId);
        String run3 = failingRun(agentId);
        String run4 = succeedingRun(agentId);

        List<LocalSlackServer.Message> notices = awaitNotices(agentId, 2);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.token()).isEqualTo(ALICE_TOKEN);
            assertThat(notice.channel()).isEqualTo(ADA_DM);
        });
        assertThat(notices.get(0).text())
                .contains("*Nightly digest*", agentId, "is failing", run1, "*INVALID_REQUEST*",
                        "get_run {\"run_id\": \"" + run1 + "\"}")
                .doesNotContain(run2, run3, run4);
        assertThat(notices.get(1).text())
                .contains("*Nightly digest*", agentId, "recovered", run4, "get_run {\"run_id\": \"" + run4 + "\"}")
                .doesNotContain(run1, run2, run3);
        assertThat(notices).extracting(notice -> notice.metadata().path("event_payload").path("delivery_key").asText())
                .containsExactly(agentId + "/notice-1", agentId + "/notice-2");
        assertThat(historyTypes(ALICE, agentId)).containsSubsequence("AgentFailed", "FailureNoticeDue", "AgentFailed",
                "AgentFailed", "AgentRan", "FailureNoticeDue");
    }

    @Test
    void anAgentThatNotifiesNobodySendsNothing() {
        String silent = createAgent(ALICE, "Quiet one", NotifyPolicy.NONE, null);
        String loud = createAgent(ALICE, "Loud one", NotifyPolicy.FAILURES, null);

        failingRun(silent);
        succeedingRun(silent);
        // notices are handled in the order they became due: once the later agent's arrived, the silent one had its turn
        failingRun(loud);
        awaitNotices(loud, 1);

        assertThat(noticesOf(silent)).isEmpty();
        assertThat(historyTypes(ALICE, silent)).doesNotContain("FailureNoticeDue", "FailureNoticeUndeliverable");
    }

    @Test
    void aStopByTheFailureLimitIsNoticedWithItsRun() {
        String agentId = createAgent(ALICE, "Fragile", NotifyPolicy.FAILURES, 2);
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");

        String run1 = failingRun(agentId);
        String run2 = failingRun(agentId);

        List<LocalSlackServer.Message> notices = awaitNotices(agentId, 2);
        assertThat(notices.get(0).text()).contains("is failing", run1);
        assertThat(notices.get(1).text())
                .contains("*Fragile*", "was stopped", "max_consecutive_failures", run2, "*INVALID_REQUEST*",
                        "get_run {\"run_id\": \"" + run2 + "\"}", "start_agent {\"agent_id\": \"" + agentId + "\"}");
        assertThat(history(ALICE, agentId)).anySatisfy(entry -> {
            assertThat(entry.type()).isEqualTo("AgentStopped");
            assertThat(entry.reason()).isEqualTo("FAILURE_LIMIT");
        });
    }

    @Test
    void aStopAsOrphanedIsNoticed() {
        String agentId = createAgent(ALICE, "Lost schedule", NotifyPolicy.FAILURES, null);
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");

        platform.send(new StopOrphanedAgent(agentId), "system:reconciliation", "system:reconciliation");

        assertThat(awaitNotices(agentId, 1).get(0).text())
                .contains("*Lost schedule*", "was stopped (ORPHANED)", "agent_history {\"agent_id\": \"" + agentId + "\"}");
    }

    @Test
    void aNoticeForAConnectionWithoutANotifyUserIsRecordedAndTheRunStaysAsItEnded() {
        String agentId = createAgent(BOB, "Unheard", NotifyPolicy.FAILURES, null);
        int messagesBefore = slack.messages().size();

        String runId = failingRun(agentId);

        AgentHistoryEntry recorded = awaitUndeliverable(BOB, agentId);
        assertThat(recorded.reason()).isEqualTo("NO_NOTIFY_USER");
        assertThat(recorded.actor()).isEqualTo("system:notices");
        assertThat(recorded.details()).containsEntry("run_id", runId).containsEntry("kind", "FIRST_FAILURE")
                .containsEntry("notice_id", agentId + "/notice-1");
        assertThat(outcomeOf(BOB, runId)).isEqualTo("FAILED");
        assertThat(slack.messages()).hasSize(messagesBefore);
    }

    @Test
    void aNoticeForAnOwnerWithoutSlackIsRecorded() {
        String agentId = createAgent(CAROL, "Offline", NotifyPolicy.FAILURES, null);

        String runId = failingRun(agentId);

        AgentHistoryEntry recorded = awaitUndeliverable(CAROL, agentId);
        assertThat(recorded.reason()).isEqualTo("NO_SLACK_CONNECTION");
        assertThat(recorded.details()).containsEntry("run_id", runId);
        assertThat(outcomeOf(CAROL, runId)).isEqualTo("FAILED");
    }

    @Test
    void aNoticeSlackRefusesIsRecordedOnceWithSlacksErrorAndNotRetried() {
        String agentId = createAgent(ALICE, "Refused", NotifyPolicy.FAILURES, null);
        slack.refuse("chat.postMessage", "channel_not_found");
        int postsBefore = slack.calls("chat.postMessage").size();

        String runId = failingRun(agentId);

        AgentHistoryEntry recorded = awaitUndeliverable(ALICE, agentId);
        assertThat(recorded.reason()).isEqualTo("SLACK_REFUSED");
        assertThat((String) recorded.details().get("detail")).contains("channel_not_found");
        assertThat(slack.calls("chat.postMessage")).hasSize(postsBefore + 1);
        assertThat(outcomeOf(ALICE, runId)).isEqualTo("FAILED");
        assertThat(noticesOf(agentId)).isEmpty();
        assertThat(historyTypes(ALICE, agentId)).containsOnlyOnce("FailureNoticeUndeliverable");
    }

    /** The first post reaches Slack but its answer never comes back, as when the sending node dies right there. */
    @Test
    void aNoticeWhoseFirstPostLostItsAnswerIsNotPostedTwice() {
        String agentId = createAgent(ALICE, "Lost answer", NotifyPolicy.FAILURES, null);
        AtomicBoolean failedOnce = new AtomicBoolean();
        slack.afterPost(message -> {
            if (message.text().contains(agentId) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("the answer to chat.postMessage is lost");
            }
        });
        int historyBefore = slack.calls("conversations.history").size();
        try {
            failingRun(agentId);

            await().atMost(NOTICE_DEADLINE).until(() -> slack.calls("conversations.history").size() > historyBefore);
            // the retry found the post and is done; give a second post the time it would take to arrive
            await().pollDelay(Duration.ofSeconds(1)).atMost(NOTICE_DEADLINE).until(() -> true);
            assertThat(noticesOf(agentId)).hasSize(1);
            assertThat(historyTypes(ALICE, agentId)).doesNotContain("FailureNoticeUndeliverable");
        } finally {
            slack.afterPost(message -> { });
        }
    }

    /**
     * A node posted the notice and died before its processor recorded the progress: the notice is handed out again
     * (here: for the first time to this node), and the attempt its predecessor recorded makes it look first.
     */
    @Test
    void aNoticeHandedOutAgainAfterItsNodeDiedFindsItsEarlierPostInsteadOfPostingAgain() {
        String agentId = createAgent(ALICE, "Handed out again", NotifyPolicy.FAILURES, null);
        String noticeId = agentId + "/notice-1";
        platform.bean(SlackWebApi.class)
                .sendNotice(new BotToken(ALICE_TOKEN), "U01ADA", "Agent *Handed out again* (`" + agentId + "`) is failing",
                        noticeId, false);
        platform.jdbc().sql("INSERT INTO failure_notice_attempts (notice_id, first_attempt_at) VALUES (?, now())")
                .param(noticeId).update();
        int historyBefore = slack.calls("conversations.history").size();
        int postsBefore = slack.calls("chat.postMessage").size();

        failingRun(agentId);

        await().atMost(NOTICE_DEADLINE).until(() -> slack.calls("conversations.history").size() > historyBefore);
        await().pollDelay(Duration.ofSeconds(1)).atMost(NOTICE_DEADLINE).until(() -> true);
        assertThat(slack.calls("chat.postMessage")).hasSize(postsBefore);
        assertThat(noticesOf(agentId)).hasSize(1);
        assertThat(historyTypes(ALICE, agentId)).contains("FailureNoticeDue").doesNotContain("FailureNoticeUndeliverable");
    }

    @Test
    void noBotTokenIsInAnyEventOrLogLineOfTheNotices(CapturedOutput output) {
        String sent = createAgent(ALICE, "Token free", NotifyPolicy.FAILURES, null);
        String refused = createAgent(ALICE, "Token free too", NotifyPolicy.FAILURES, null);
        String unheard = createAgent(BOB, "Token free as well", NotifyPolicy.FAILURES, null);

        failingRun(sent);
        awaitNotices(sent, 1);
        slack.refuse("chat.postMessage", "invalid_auth");
        failingRun(refused);
        awaitUndeliverable(ALICE, refused);
        failingRun(unheard);
        awaitUndeliverable(BOB, unheard);

        String events = String.join("\n", platform.jdbc().sql(
                "SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM domain_event_entry")
                .query(String.class).list());
        assertThat(events).contains("FIRST_FAILURE", "SLACK_REFUSED", "NO_NOTIFY_USER")
                .doesNotContain(ALICE_TOKEN, BOB_TOKEN);
        assertThat(output.getAll()).contains("Failure notice " + sent + "/notice-1")
                .doesNotContain(ALICE_TOKEN, BOB_TOKEN);
    }

    /**
     * Notices are sent where the platform acts by itself (all and worker nodes), never by an api node. (Several
     * sending nodes share the notices through the token store, as separate processes do; platforms in one JVM share
     * a token owner, so the once-only delivery across processes is left to the end-to-end tests of several nodes.)
     */
    @Test
    void anApiNodeHasNoNoticeSenderAndAWorkerNodeHasOne() {
        try (RunningPlatform api = RunningPlatform.start(database, home, "agentry.slack.base-url=" + slack.baseUrl(),
                "agentry.node.role=api");
             RunningPlatform worker = RunningPlatform.start(database, home, "agentry.slack.base-url=" + slack.baseUrl(),
                     "agentry.node.role=worker")) {
            assertThat(api.beans(FailureNoticeSender.class)).isEmpty();
            assertThat(processorNames(api)).doesNotContain(FailureNoticeSender.PROCESSING_GROUP);
            assertThat(worker.beans(FailureNoticeSender.class)).hasSize(1);
            assertThat(processorNames(worker)).contains(FailureNoticeSender.PROCESSING_GROUP);
        }
    }

    private static java.util.Set<String> processorNames(RunningPlatform node) {
        return node.bean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().keySet();
    }

    private static List<LocalSlackServer.Message> awaitNotices(String agentId, int count) {
        await().atMost(NOTICE_DEADLINE).until(() -> noticesOf(agentId).size() >= count);
        List<LocalSlackServer.Message> notices = noticesOf(agentId);
        assertThat(notices).hasSize(count);
        return notices;
    }

    private static List<LocalSlackServer.Message> noticesOf(String agentId) {
        return slack.messages().stream().filter(message -> message.text().contains("`" + agentId + "`")).toList();
    }

    private static AgentHistoryEntry awaitUndeliverable(String owner, String agentId) {
        await().atMost(NOTICE_DEADLINE).until(() -> historyTypes(owner, agentId).contains("FailureNoticeUndeliverable"));
        return history(owner, agentId).stream().filter(entry -> entry.type().equals("FailureNoticeUndeliverable"))
                .findFirst().orElseThrow();
    }

    private static List<AgentHistoryEntry> history(String owner, String agentId) {
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        return platform.queryMany(new AgentHistory(agentId, owner, 100), AgentHistoryEntry.class);
    }

    private static List<String> historyTypes(String owner, String agentId) {
        return history(owner, agentId).stream().map(AgentHistoryEntry::type).toList();
    }

    private static String outcomeOf(String owner, String runId) {
        return platform.queryOne(new FindRun(runId, owner), RunView.class).orElseThrow().outcome();
    }

    private static void connect(String userId, String token, String teamId, String botUserId, String notifyUser) {
        String secretId = platform.bean(SlackConnections.class).storeToken(new BotToken(token));
        platform.send(new ConnectSlack(userId, teamId, teamId + " team", botUserId, notifyUser, secretId), userId, userId);
    }

    private static String createAgent(String owner, String name, NotifyPolicy notify, Integer maxConsecutiveFailures) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, owner, new AgentSettings(name, "Keep people informed.",
                ReasoningTier.STANDARD, null, new Schedule("0 8 * * *", "UTC"), List.of(),
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, maxConsecutiveFailures).withNotify(notify)), owner, owner);
        return agentId;
    }

    /** A run whose LLM call the server refuses (HTTP 400: INVALID_REQUEST, not retried). */
    private static String failingRun(String agentId) {
        llm.answer(400, "{\"error\":{\"message\":\"this model does not take such requests\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":null}}");
        RunResult result = run(agentId);
        assertThat(result.outcome().succeeded()).as("run %s should fail", result.runId()).isFalse();
        return result.runId();
    }

    private static String succeedingRun(String agentId) {
        llm.answer(200, finalAnswer("All done."));
        RunResult result = run(agentId);
        assertThat(result.outcome().succeeded()).as(result.outcome().summary()).isTrue();
        return result.runId();
    }

    private record RunResult(String runId, RunOutcome outcome) {
    }

    private static RunResult run(String agentId) {
        Instant fire = FIRST_FIRE.plus(Duration.ofMinutes(fires.incrementAndGet()));
        String runId = AgentScheduleWorkflow.scheduledRunId(agentId, fire);
        RunOutcome outcome = temporal.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(runId)
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build())
                .run(new RunRequest(agentId, runId, RunTrigger.SCHEDULE, fire));
        return new RunResult(runId, outcome);
    }

    private static String finalAnswer(String text) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion", "created", 1764144000,
                    "model", SERVER_MODEL,
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                            "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", 50, "completion_tokens", 10, "total_tokens", 60)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
