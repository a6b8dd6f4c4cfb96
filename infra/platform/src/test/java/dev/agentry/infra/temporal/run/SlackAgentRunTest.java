package dev.agentry.infra.temporal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.ConnectSlack;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.FakeVendorServer.RecordedRequest;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.slack.BotToken;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.ToolActivities;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents acting in Slack: the run workflow with the platform's activities, an LLM server speaking the chat
 * completions wire format and a local Slack Web API server, each owner acting through their own connection.
 */
class SlackAgentRunTest {

    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String ALICE_TOKEN = "xoxb-alice-workspace";
    private static final String BOB_TOKEN = "xoxb-bob-workspace";
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer llm;
    private static LocalSlackServer slack;
    private static RunningPlatform platform;
    private static TestWorkflowEnvironment temporal;
    /** Tool calls (by run and call id) whose first attempt fails after the tool did its work. */
    private static final Set<String> failAfterFirstAttempt = ConcurrentHashMap.newKeySet();

    /** The worker dying between the tool's work and the activity's completion, as far as Temporal can tell. */
    static final class FailingAfterTheToolActed implements ToolActivities {
        private final ToolActivities tools;

        FailingAfterTheToolActed(ToolActivities tools) {
            this.tools = tools;
        }

        @Override
        public ToolOutcome invoke(String toolName, String argumentsJson, ToolContext context) {
            ToolOutcome outcome = tools.invoke(toolName, argumentsJson, context);
            if (failAfterFirstAttempt.contains(context.runId() + "/" + context.toolCallId())
                    && Activity.getExecutionContext().getInfo().getAttempt() == 1) {
                throw new IllegalStateException("the worker died after Slack answered");
            }
            return outcome;
        }
    }

    @BeforeAll
    static void startPlatformSlackAndTemporal() throws Exception {
        slack = LocalSlackServer.start();
        slack.workspace(ALICE_TOKEN, "T0ALICE", "Alice Corp", "U0ABOT")
                .user("U01ADA", "ada", "Ada Lovelace", "ada@alice.test")
                .channel("C01GEN", "general", false, true)
                .channel("C02RAND", "random", false, false);
        slack.workspace(BOB_TOKEN, "T0BOB", "Bob Corp", "U0BBOT")
                .user("U09BEA", "bea", "Bea Bob", "bea@bob.test");
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
        connect(ALICE, ALICE_TOKEN, "T0ALICE", "U0ABOT");
        connect(BOB, BOB_TOKEN, "T0BOB", "U0BBOT");
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = temporal.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentRunWorkflowImpl.class);
        worker.registerActivitiesImplementations(platform.bean(RunActivities.class), platform.bean(LlmActivities.class),
                new FailingAfterTheToolActed(platform.bean(ToolActivities.class)));
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
    void aDirectMessageTheModelAsksForIsSentOnceWithItsTextAndItsAnswerGoesBackToTheModel() throws Exception {
        String agentId = createAgent(ALICE, List.of("slack_send_dm"));
        int llmBefore = llm.requests().size();
        int postsBefore = slack.calls("chat.postMessage").size();
        llm.answer(200, toolCall("call_dm_1", "slack_send_dm", Map.of("user", "ada@alice.test", "text", "The build is red.")))
                .answer(200, finalAnswer("I told Ada."));

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
        List<LocalSlackServer.Call> posts = slack.calls("chat.postMessage").subList(postsBefore, slack.calls("chat.postMessage").size());
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.token()).isEqualTo(ALICE_TOKEN);
            assertThat(post.parameters()).containsEntry("channel", "D01ADA").containsEntry("text", "The build is red.");
        });
        List<RecordedRequest> requests = llm.requests().subList(llmBefore, llm.requests().size());
        assertThat(requests.get(0).json().path("tools").findValuesAsText("name")).containsExactly("slack_send_dm");
        JsonNode toolResult = JSON.readTree(lastMessage(requests.get(1).json()).path("content").asText());
        assertThat(toolResult.path("user").asText()).isEqualTo("U01ADA");
        assertThat(toolResult.path("ts").asText()).isEqualTo(slack.messages().get(slack.messages().size() - 1).ts());
    }

    @Test
    void aRetriedSendAfterTheWorkerDiedPastSlacksAnswerPostsNothingMore() throws Exception {
        String agentId = createAgent(ALICE, List.of("slack_send_message"));
        String runId = runIdOf(agentId);
        failAfterFirstAttempt.add(runId + "/call_post_1");
        int messagesBefore = slack.messages().size();
        int historyBefore = slack.calls("conversations.history").size();
        llm.answer(200, toolCall("call_post_1", "slack_send_message", Map.of("channel", "#general", "text", "Deploy done.")))
                .answer(200, finalAnswer("Posted."));
        int llmBefore = llm.requests().size();

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
        List<LocalSlackServer.Message> posted = slack.messages().subList(messagesBefore, slack.messages().size());
        assertThat(posted).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Deploy done.");
            assertThat(message.metadata().path("event_payload").path("delivery_key").asText()).isEqualTo(runId + "/call_post_1");
        });
        assertThat(slack.calls("conversations.history")).as("the retry looked for its earlier post").hasSize(historyBefore + 1);
        JsonNode toolResult = JSON.readTree(lastMessage(llm.requests().get(llmBefore + 1).json()).path("content").asText());
        assertThat(toolResult.path("ts").asText()).isEqualTo(posted.get(0).ts());
    }

    @Test
    void whatSlackRefusesGoesBackToTheModelAsAnErrorItCanRead() {
        String agentId = createAgent(ALICE, List.of("slack_send_message"));
        int llmBefore = llm.requests().size();
        int messagesBefore = slack.messages().size();
        llm.answer(200, toolCall("call_rand", "slack_send_message", Map.of("channel", "#random", "text", "hello")))
                .answer(200, finalAnswer("The bot is not in #random."));

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(slack.messages()).hasSize(messagesBefore);
        assertThat(lastMessage(llm.requests().get(llmBefore + 1).json()).path("content").asText())
                .contains("not in channel '#random'").contains("invite");
    }

    @Test
    void eachAgentActsWithItsOwnersConnectionAndAnOwnerWithoutOneGetsNone() {
        String bobsAgent = createAgent(BOB, List.of("slack_send_dm"));
        llm.answer(200, toolCall("call_bob", "slack_send_dm", Map.of("user", "ada@alice.test", "text", "hi Ada")))
                .answer(200, finalAnswer("Ada is not in my workspace."));
        int llmBefore = llm.requests().size();
        int callsBefore = slack.calls().size();

        run(bobsAgent);

        assertThat(slack.calls().subList(callsBefore, slack.calls().size()))
                .extracting(LocalSlackServer.Call::token).containsOnly(BOB_TOKEN);
        assertThat(lastMessage(llm.requests().get(llmBefore + 1).json()).path("content").asText())
                .contains("not found in Slack");

        String carolsAgent = createAgent(CAROL, List.of("slack_list_users"));
        llm.answer(200, toolCall("call_carol", "slack_list_users", Map.of()))
                .answer(200, finalAnswer("No Slack."));
        int carolBefore = llm.requests().size();
        int callsBeforeCarol = slack.calls().size();

        run(carolsAgent);

        assertThat(slack.calls()).hasSize(callsBeforeCarol);
        assertThat(lastMessage(llm.requests().get(carolBefore + 1).json()).path("content").asText())
                .contains("has not connected Slack");
    }

    private static void connect(String userId, String token, String teamId, String botUserId) {
        String secretId = platform.bean(SlackConnections.class).storeToken(new BotToken(token));
        platform.send(new ConnectSlack(userId, teamId, teamId + " team", botUserId, null, secretId), userId, userId);
    }

    private static String createAgent(String owner, List<String> tools) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, owner, new AgentSettings("slacker", "Keep people informed.",
                ReasoningTier.STANDARD, null, new Schedule("0 8 * * *", "UTC"), tools,
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), owner, owner);
        return agentId;
    }

    private static String runIdOf(String agentId) {
        return AgentScheduleWorkflow.scheduledRunId(agentId, Instant.parse("2026-11-26T08:00:00Z"));
    }

    private static RunOutcome run(String agentId) {
        String runId = runIdOf(agentId);
        return temporal.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(runId)
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build())
                .run(new RunRequest(agentId, runId, RunTrigger.SCHEDULE, Instant.parse("2026-11-26T08:00:00Z")));
    }

    private static JsonNode lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1);
    }

    private static String toolCall(String callId, String tool, Map<String, Object> arguments) {
        try {
            Map<String, Object> call = Map.of("id", callId, "type", "function",
                    "function", Map.of("name", tool, "arguments", JSON.writeValueAsString(arguments)));
            return completion(Map.of("role", "assistant", "tool_calls", List.of(call)), "tool_calls");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String finalAnswer(String text) {
        return completion(Map.of("role", "assistant", "content", text), "stop");
    }

    private static String completion(Map<String, Object> message, String finishReason) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion", "created", 1764144000,
                    "model", SERVER_MODEL,
                    "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                    "usage", Map.of("prompt_tokens", 50, "completion_tokens", 10, "total_tokens", 60)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
