package dev.agentry.infra.mcp;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MCP tool of the platform keeps its contract: each successful answer matches the tool's output
 * schema, and that schema is strict enough that a renamed or extra field fails it; each error answer is
 * a code of the public error format and a message a person can act on, without internals, and appends
 * nothing.
 */
class ToolContractTest {

    /** The codes of the public error format (MCP-TOOLS.md), then a message. */
    private static final Pattern ERROR_FORMAT = Pattern.compile(
            "(invalid_argument|not_found|permission_denied|failed_precondition|unavailable): \\S.*", Pattern.DOTALL);
    private static final List<Pattern> INTERNALS = List.of(Pattern.compile("Exception"), Pattern.compile("dev\\.agentry"),
            Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\("), Pattern.compile("\\.java:\\d+"));
    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Caller BOB = new Caller("user-bob", "bob", Role.USER);
    private static final String ALICE_BOT_TOKEN = "xoxb-contract-alice";
    private static final Instant FIRE = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static Map<String, McpTool<?>> tools;
    private static LocalSlackServer slack;

    @BeforeAll
    static void startThePlatformWithTemporal() throws Exception {
        slack = LocalSlackServer.start();
        slack.workspace(ALICE_BOT_TOKEN, "T0ACME", "Acme", "U0BOT")
                .user("U01ADA", "ada", "Ada Lovelace", "ada@acme.test")
                .channel("C01GEN", "general", false, true)
                .channel("C02RAND", "random", false, false);
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true",
                "agentry.slack.base-url=" + slack.baseUrl());
        platform.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), ADMIN.userId(), ADMIN.username());
        platform.send(new CreateUser(BOB.userId(), BOB.username(), Role.USER), ADMIN.userId(), ADMIN.username());
        tools = new HashMap<>();
        for (McpTool<?> tool : platform.beans(McpTool.class)) {
            tools.put(tool.definition().name(), tool);
        }
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
        slack.close();
    }

    @Test
    void everyToolsSuccessfulAnswersMatchItsStrictOutputSchema() {
        Set<String> answered = new TreeSet<>();
        Answers answers = new Answers(answered);

        Map<String, Object> user = answers.of("create_user", ADMIN, Map.of("username", "carol", "role", "USER"));
        Map<String, Object> token = answers.of("issue_token", ADMIN, Map.of("user_id", user.get("user_id"), "expires_in_days", 30));
        answers.of("revoke_token", ADMIN, Map.of("token_id", token.get("token_id")));
        answers.of("list_tokens", ADMIN, Map.of("user_id", user.get("user_id")));

        Map<String, Object> agent = answers.of("create_agent", ALICE, Map.of("name", "digest",
                "instructions", "Summarise the night.", "tier", "advanced", "schedule", Map.of("cron", "0 9 * * 1-5",
                        "timezone", "Europe/Berlin"), "tools", List.of("current_time"), "overlap", "buffer_one",
                "catch_up", "run_once", "max_consecutive_failures", 3));
        String agentId = (String) agent.get("agent_id");
        Map<String, Object> clearing = new HashMap<>();
        clearing.put("agent_id", agentId);
        clearing.put("name", "nightly digest");
        clearing.put("max_consecutive_failures", null);
        answers.of("update_agent", ALICE, clearing);
        answers.of("get_agent", ALICE, Map.of("agent_id", agentId));
        answers.of("start_agent", ALICE, Map.of("agent_id", agentId));
        answers.of("list_agents", ALICE, Map.of());
        answers.of("stop_agent", ALICE, Map.of("agent_id", agentId));
        answers.of("run_agent_now", ALICE, Map.of("agent_id", agentId));

        String runId = "run-" + agentId + "-" + FIRE.getEpochSecond();
        String transcriptRef = platform.bean(RunTranscripts.class).store(new RunTranscript(agentId, runId, "claude-sonnet",
                FIRE, FIRE.plusSeconds(4), "Summarise the night.",
                List.of(new ToolDefinition("current_time", "The current time", "{\"type\":\"object\"}")),
                List.of(ConversationMessage.user("Go"),
                        ConversationMessage.assistant(List.of(new ContentPart.Thinking("the time first", "sig"),
                                new ContentPart.ToolCall("call-1", "current_time", "{\"timezone\":\"UTC\"}"))),
                        ConversationMessage.user(List.of(new ContentPart.ToolResult("call-1", "08:00", false))),
                        ConversationMessage.assistant(List.of(new ContentPart.RedactedThinking("opaque"),
                                new ContentPart.Text("Quiet night.")))),
                "Quiet night.", null, null, new TokenUsage(90, 12)));
        platform.send(new RecordAgentRun(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(4),
                "claude-sonnet", 90, 12, "Quiet night.", transcriptRef), "system:scheduler", "system:scheduler");
        answers.of("list_runs", ALICE, Map.of("agent_id", agentId, "limit", 5));
        Map<String, Object> run = answers.of("get_run", ALICE, Map.of("run_id", runId));
        assertThat(run.get("transcript")).as("the stored transcript").isNotNull();
        answers.of("agent_history", ALICE, Map.of("agent_id", agentId));

        Map<String, Object> models = answers.of("list_models", ALICE, Map.of());
        @SuppressWarnings("unchecked")
        String catalogueModel = (String) ((List<Map<String, Object>>) models.get("models")).get(0).get("name");
        answers.of("disable_model", ADMIN, Map.of("name", catalogueModel));
        answers.of("enable_model", ADMIN, Map.of("name", catalogueModel));
        answers.of("reconcile", ADMIN, Map.of("dry_run", true));
        answers.of("system_health", ADMIN, Map.of());
        Map<String, Object> auditPage = answers.of("audit_log", ADMIN, Map.of("limit", 2));
        assertThat(auditPage.get("next_cursor")).as("more than one page of audit entries").isNotNull();
        answers.of("audit_log", ADMIN, Map.of("agent_id", agentId, "type", "AgentStarted", "cursor", auditPage.get("next_cursor")));
        answers.of("delete_agent", ALICE, Map.of("agent_id", agentId));

        answers.of("slack_connect", ALICE, Map.of("bot_token", ALICE_BOT_TOKEN, "notify_user", "ada@acme.test"));
        answers.of("get_slack_connection", ALICE, Map.of());
        answers.of("slack_list_channels", ALICE, Map.of("limit", 1));
        answers.of("slack_list_users", ALICE, Map.of("query", "ada"));
        answers.of("slack_send_message", ALICE, Map.of("channel", "#general", "text", "contract"));
        answers.of("slack_send_dm", ALICE, Map.of("user", "U01ADA", "text", "contract"));
        answers.of("slack_disconnect", ALICE, Map.of());

        assertThat(answered).as("tools whose successful answer was checked").isEqualTo(new TreeSet<>(tools.keySet()));
    }

    @Test
    void everyToolsErrorsAreAPublicCodeAndAMessageWithoutInternals() {
        Map<String, Object> agent = structured("create_agent", ALICE, Map.of("name", "mine", "instructions", "Mine."));
        String alicesAgent = (String) agent.get("agent_id");
        Set<String> refused = new TreeSet<>();

        for (String name : tools.keySet()) {
            Caller caller = tools.get(name).adminOnly() ? ADMIN : ALICE;
            expectError(name, caller, Map.of("not_an_argument", 1), "invalid_argument");
            refused.add(name);
            if (tools.get(name).adminOnly()) {
                expectError(name, BOB, Map.of(), "permission_denied");
            }
        }
        for (String name : List.of("get_agent", "start_agent", "stop_agent", "delete_agent", "agent_history",
                "run_agent_now", "list_runs")) {
            expectError(name, BOB, Map.of("agent_id", alicesAgent), "not_found");
        }
        expectError("update_agent", BOB, Map.of("agent_id", alicesAgent, "name", "stolen"), "not_found");
        expectError("get_run", BOB, Map.of("run_id", "run-" + alicesAgent + "-1"), "not_found");
        expectError("create_agent", ALICE, Map.of("name", "x", "instructions", "y",
                "schedule", Map.of("cron", "0 9 * * *", "timezone", "Mars/Olympus")), "invalid_argument");
        expectError("create_user", ADMIN, Map.of("username", "alice"), "failed_precondition");
        expectError("issue_token", ADMIN, Map.of("user_id", "user-nobody"), "not_found");
        expectError("revoke_token", ADMIN, Map.of("token_id", "tok_unknown"), "not_found");
        expectError("list_tokens", ADMIN, Map.of("user_id", "user-nobody"), "not_found");
        expectError("issue_token", ADMIN, Map.of("user_id", "user-carol", "expires_in_days", 0), "invalid_argument");
        expectError("enable_model", ADMIN, Map.of("name", "no-such-model"), "not_found");
        expectError("audit_log", ADMIN, Map.of("since", "yesterday"), "invalid_argument");
        expectError("audit_log", ADMIN, Map.of("cursor", "not-a-cursor"), "invalid_argument");
        expectError("slack_connect", BOB, Map.of("bot_token", "xoxb-refused"), "invalid_argument");
        for (String name : List.of("slack_list_channels", "slack_list_users")) {
            expectError(name, BOB, Map.of(), "failed_precondition");
        }
        expectError("slack_send_message", BOB, Map.of("channel", "#general", "text", "hi"), "failed_precondition");
        expectError("slack_send_dm", BOB, Map.of("user", "U01ADA", "text", "hi"), "failed_precondition");
        expectError("slack_send_message", ALICE, Map.of("channel", "#general", "text", "x".repeat(40_001)),
                "invalid_argument");
        expectError("create_agent", BOB, Map.of("name", "x", "instructions", "y", "tools", List.of("slack_send_dm")),
                "failed_precondition");

        assertThat(refused).isEqualTo(new TreeSet<>(tools.keySet()));
    }

    /** The successful answers of one scenario, each checked against its tool's schema and that schema's strictness. */
    private record Answers(Set<String> answered) {

        Map<String, Object> of(String name, Caller caller, Map<String, Object> arguments) {
            Map<String, Object> answer = structured(name, caller, arguments);
            Map<String, Object> schema = tools.get(name).definition().outputSchema();
            for (String property : answer.keySet()) {
                Map<String, Object> renamed = new LinkedHashMap<>(answer);
                renamed.put(property + "_renamed", renamed.remove(property));
                assertThat(validate(schema, renamed).valid())
                        .as("%s: its output schema refuses the answer with '%s' renamed", name, property).isFalse();
            }
            Map<String, Object> extended = new LinkedHashMap<>(answer);
            extended.put("unexpected_field", "x");
            assertThat(validate(schema, extended).valid()).as("%s: its output schema refuses an extra field", name).isFalse();
            answered.add(name);
            return answer;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(String name, Caller caller, Map<String, Object> arguments) {
        McpTool<?> tool = tools.get(name);
        assertThat(tool).as("tool %s", name).isNotNull();
        CallToolResult result = ToolCalls.call(tool, caller, arguments);
        assertThat(result.isError()).as("%s answers success: %s", name, ToolCalls.text(result)).isFalse();
        JsonSchemaValidator.ValidationResponse validation = validate(tool.definition().outputSchema(), result.structuredContent());
        assertThat(validation.valid()).as("%s: its answer matches its output schema: %s", name, validation.errorMessage())
                .isTrue();
        return (Map<String, Object>) result.structuredContent();
    }

    private static void expectError(String name, Caller caller, Map<String, Object> arguments, String code) {
        long events = platform.eventCount();
        String text = ToolCalls.errorText(ToolCalls.call(tools.get(name), caller, arguments));
        assertThat(text).as("%s's error", name).startsWith(code + ": ").matches(ERROR_FORMAT);
        for (Pattern internal : INTERNALS) {
            assertThat(internal.matcher(text).find()).as("%s's error '%s' shows internals", name, text).isFalse();
        }
        assertThat(platform.eventCount()).as("%s's refused call appends nothing", name).isEqualTo(events);
    }

    private static JsonSchemaValidator.ValidationResponse validate(Map<String, Object> schema, Object content) {
        return ToolCalls.SCHEMAS.validate(schema, content);
    }
}
