package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.RestoreAgentSchedule;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.ApiTokens;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import dev.agentry.workflows.reconciliation.Reconciliation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * audit_log on the whole platform: agents, users, tokens, a Slack connection, catalogue switches and
 * reconciliation's repairs, each recorded by the real aggregates and projection.
 */
class AuditLogToolTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final String ALICE_BOT_TOKEN = "xoxb-audit-alice-secret";

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static LocalSlackServer slack;
    private static RunningPlatform platform;
    private static Map<String, McpTool<?>> tools;
    private static String issuedToken;
    private static String issuedTokenId;
    private static String digestAgent;
    private static String orphanedAgent;
    private static String disabledModel;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void recordOneOfEverything() throws Exception {
        slack = LocalSlackServer.start();
        slack.workspace(ALICE_BOT_TOKEN, "T0ACME", "Acme", "U0BOT").user("U01ADA", "ada", "Ada Lovelace", "ada@acme.test");
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.slack.base-url=" + slack.baseUrl());
        tools = new HashMap<>();
        for (McpTool<?> tool : platform.beans(McpTool.class)) {
            tools.put(tool.definition().name(), tool);
        }
        platform.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), ADMIN.userId(), ADMIN.username());

        Map<String, Object> token = call("issue_token", ADMIN, Map.of("user_id", ALICE.userId()));
        issuedToken = (String) token.get("token");
        issuedTokenId = (String) token.get("token_id");
        call("revoke_token", ADMIN, Map.of("token_id", issuedTokenId));

        digestAgent = (String) call("create_agent", ALICE, Map.of("name", "digest", "instructions", "Summarise.")).get("agent_id");
        call("start_agent", ALICE, Map.of("agent_id", digestAgent));
        call("stop_agent", ALICE, Map.of("agent_id", digestAgent));
        platform.send(new StartAgent(digestAgent, ALICE.userId()), ALICE.userId(), ALICE.username());
        platform.send(new RestoreAgentSchedule(digestAgent), Reconciliation.ACTOR, Reconciliation.ACTOR);

        // no failure notice: the trail holds exactly the entries this test arranges
        orphanedAgent = (String) call("create_agent", ALICE, Map.of("name", "orphan", "instructions", "Wait.",
                "notify", "none")).get("agent_id");
        platform.send(new StartAgent(orphanedAgent, ALICE.userId()), ALICE.userId(), ALICE.username());
        platform.send(new StopOrphanedAgent(orphanedAgent), Reconciliation.ACTOR, Reconciliation.ACTOR);

        call("slack_connect", ALICE, Map.of("bot_token", ALICE_BOT_TOKEN, "notify_user", "ada@acme.test"));
        call("slack_disconnect", ALICE, Map.of());

        List<Map<String, Object>> models = (List<Map<String, Object>>) call("list_models", ALICE, Map.of()).get("models");
        disabledModel = (String) models.get(0).get("name");
        call("disable_model", ADMIN, Map.of("name", disabledModel));
        call("enable_model", ADMIN, Map.of("name", disabledModel));
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
        slack.close();
    }

    @Test
    void theLogListsEveryKindOfChangeNewestFirstWithWhoDidIt() {
        List<Map<String, Object>> entries = everything(Map.of());

        assertThat(entries).extracting(entry -> Instant.parse((String) entry.get("at")))
                .isSortedAccordingTo((newer, older) -> older.compareTo(newer));
        assertThat(entries).extracting(entry -> entry.get("type")).contains("UserCreated", "ApiTokenIssued",
                "ApiTokenRevoked", "AgentCreated", "AgentStarted", "AgentStopped", "AgentScheduleRestored",
                "SlackConnected", "SlackDisconnected", "ModelRegistered", "ModelDisabled", "ModelEnabled");
        // the newest entries, in the order they happened backwards
        assertThat(entries.subList(0, 6)).extracting(entry -> entry.get("type"), entry -> entry.get("actor"))
                .containsExactly(tuple("ModelEnabled", "admin"), tuple("ModelDisabled", "admin"),
                        tuple("SlackDisconnected", "alice"), tuple("SlackConnected", "alice"),
                        tuple("AgentStopped", "system:reconciliation"), tuple("AgentStarted", "alice"));
        assertThat(entries.get(0).get("details")).isEqualTo(Map.of("model", disabledModel));
        assertThat(entries.get(3).get("details")).isEqualTo(Map.of("user_id", ALICE.userId(), "team_id", "T0ACME",
                "team_name", "Acme", "bot_user_id", "U0BOT", "notify_user", "U01ADA"));
        assertThat(entries.get(4)).containsEntry("agent_id", orphanedAgent).containsEntry("reason", "ORPHANED")
                .containsEntry("details", Map.of("reason", "RECONCILIATION"));
        assertThat(entries).filteredOn(entry -> entry.get("type").equals("AgentScheduleRestored")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("agent_id", digestAgent)
                        .containsEntry("actor", "system:reconciliation"));
        assertThat(entries).filteredOn(entry -> entry.get("type").equals("ApiTokenRevoked")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("actor", "admin").doesNotContainKey("agent_id")
                        .containsEntry("details", Map.of("token_id", issuedTokenId, "user_id", ALICE.userId())));
        assertThat(entries).filteredOn(entry -> entry.get("type").equals("UserCreated"))
                .extracting(entry -> entry.get("details"))
                .contains(Map.of("user_id", ALICE.userId(), "username", "alice", "role", "USER"));
    }

    @Test
    void eachFilterKeepsExactlyTheEntriesItNames() {
        List<Map<String, Object>> all = everything(Map.of());

        assertThat(everything(Map.of("agent_id", digestAgent))).extracting(entry -> entry.get("type"), entry -> entry.get("actor"))
                .containsExactly(tuple("AgentScheduleRestored", "system:reconciliation"), tuple("AgentStarted", "alice"),
                        tuple("AgentStopped", "alice"), tuple("AgentStarted", "alice"), tuple("AgentCreated", "alice"));
        assertThat(everything(Map.of("actor", "system:reconciliation")))
                .extracting(entry -> entry.get("type"), entry -> entry.get("agent_id"))
                .containsExactly(tuple("AgentStopped", orphanedAgent), tuple("AgentScheduleRestored", digestAgent));
        assertThat(everything(Map.of("actor", "alice"))).isEqualTo(all.stream()
                .filter(entry -> entry.get("actor").equals("alice")).toList()).isNotEmpty();
        assertThat(everything(Map.of("actor", ALICE.userId()))).isEqualTo(everything(Map.of("actor", "alice")));
        assertThat(everything(Map.of("type", "ApiTokenRevoked"))).singleElement()
                .satisfies(entry -> assertThat(entry.get("details")).isEqualTo(Map.of("token_id", issuedTokenId, "user_id", ALICE.userId())));
        assertThat(everything(Map.of("type", "AgentStarted", "actor", "alice", "agent_id", orphanedAgent)))
                .extracting(entry -> entry.get("agent_id")).containsExactly(orphanedAgent);

        String middle = (String) all.get(all.size() / 2).get("at");
        Instant pivot = Instant.parse(middle);
        List<Map<String, Object>> since = everything(Map.of("since", middle));
        List<Map<String, Object>> until = everything(Map.of("until", middle));
        assertThat(since).isNotEmpty().isEqualTo(all.stream().filter(entry -> !at(entry).isBefore(pivot)).toList());
        assertThat(until).isNotEmpty().isEqualTo(all.stream().filter(entry -> at(entry).isBefore(pivot)).toList());
        assertThat(since.size() + until.size()).isEqualTo(all.size());
        String newest = (String) all.get(0).get("at");
        assertThat(everything(Map.of("since", middle, "until", newest)))
                .isEqualTo(since.stream().filter(entry -> at(entry).isBefore(Instant.parse(newest))).toList());
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsOrGapsWhileNewEntriesArrive() {
        List<Map<String, Object>> all = everything(Map.of());
        List<Map<String, Object>> paged = new ArrayList<>();
        Map<String, Object> page = call("audit_log", ADMIN, Map.of("limit", 4));
        int pages = 1;
        // recorded after the first page: newer than every entry, so on none of the following pages
        call("create_agent", ALICE, Map.of("name", "latecomer", "instructions", "Arrive late."));
        while (true) {
            List<Map<String, Object>> entries = entriesOf(page);
            assertThat(entries.size()).isLessThanOrEqualTo(4);
            paged.addAll(entries);
            Object cursor = page.get("next_cursor");
            if (cursor == null) {
                break;
            }
            page = call("audit_log", ADMIN, Map.of("limit", 4, "cursor", cursor));
            pages++;
        }

        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 3) / 4);
        assertThat(everything(Map.of()).get(0)).containsEntry("type", "AgentCreated")
                .satisfies(entry -> assertThat(((Map<?, ?>) entry.get("details")).get("name")).isEqualTo("latecomer"));
    }

    @Test
    void aUserWhoIsNotAnAdminIsRefused() {
        assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ALICE, Map.of())))
                .isEqualTo("permission_denied: audit_log requires the ADMIN role");
    }

    @Test
    void unreadableTimesAndCursorsAreRefusedSayingWhatIsWrong() {
        assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ADMIN, Map.of("since", "yesterday"))))
                .startsWith("invalid_argument: since").contains("yesterday");
        assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ADMIN, Map.of("until", "2026-13-01T00:00:00Z"))))
                .startsWith("invalid_argument: until").contains("2026-13-01T00:00:00Z");
        assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ADMIN,
                Map.of("since", "2026-12-02T00:00:00Z", "until", "2026-12-01T00:00:00Z"))))
                .isEqualTo("invalid_argument: since (2026-12-02T00:00:00Z) must be before until (2026-12-01T00:00:00Z)");
        for (String cursor : List.of("not-a-cursor!", "bm90IGEgY3Vyc29y", "MjAyNi0xMi0wMVQwMDowMDowMFp8eHl6")) {
            assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ADMIN, Map.of("cursor", cursor))))
                    .startsWith("invalid_argument: cursor: not a next_cursor that audit_log answered");
        }
        assertThat(errorText(ToolCalls.call(tools.get("audit_log"), ADMIN, Map.of("limit", 501))))
                .startsWith("invalid_argument: limit");
    }

    @Test
    void noAnswerShowsTheIssuedTokenItsHashOrTheSlackBotToken() {
        // the connection's secret id, as its event carries it: a reference an answer has no use for
        String secretId = platform.jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'secretId' FROM domain_event_entry
                        WHERE payload_type LIKE '%SlackConnected'""").query(String.class).single();
        Set<String> secrets = Set.of(issuedToken, ApiTokens.sha256Hex(issuedToken), ALICE_BOT_TOKEN, secretId);
        List<String> answers = new ArrayList<>();
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of(), Map.of("type", "ApiTokenIssued"),
                Map.of("actor", "alice"), Map.of("type", "SlackConnected"))) {
            answers.add(ToolCalls.text(ToolCalls.call(tools.get("audit_log"), ADMIN, merged(arguments, Map.of("limit", 500)))));
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(secrets));
        assertThat(everything(Map.of("type", "ApiTokenIssued")))
                .filteredOn(entry -> issuedTokenId.equals(((Map<?, ?>) entry.get("details")).get("token_id")))
                .singleElement().satisfies(entry -> assertThat(entry.get("details"))
                        .isEqualTo(Map.of("token_id", issuedTokenId, "user_id", ALICE.userId())));
        assertThat(answers.get(0)).contains(issuedTokenId);
    }

    private static Instant at(Map<String, Object> entry) {
        return Instant.parse((String) entry.get("at"));
    }

    /** Every entry the arguments select, in one page. */
    private static List<Map<String, Object>> everything(Map<String, Object> arguments) {
        Map<String, Object> page = call("audit_log", ADMIN, merged(arguments, Map.of("limit", 500)));
        assertThat(page.get("next_cursor")).isNull();
        return entriesOf(page);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entriesOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("entries");
    }

    private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static Map<String, Object> call(String name, Caller caller, Map<String, Object> arguments) {
        McpTool<?> tool = tools.get(name);
        return structured(tool, ToolCalls.call(tool, caller, arguments));
    }
}
