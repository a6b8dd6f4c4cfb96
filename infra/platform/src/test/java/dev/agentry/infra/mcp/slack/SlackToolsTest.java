package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack tools on the whole platform against a local Slack Web API server: each user acts only through
 * their own connection, and no answer, event, table or log line ever shows a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackToolsTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Caller BOB = new Caller("user-bob", "bob", Role.USER);
    private static final Caller CAROL = new Caller("user-carol", "carol", Role.USER);
    private static final String ALICE_TOKEN = "xoxb-1111-alice-very-secret";
    private static final String BOB_TOKEN = "xoxb-2222-bob-very-secret";
    private static final List<String> TOKENS = List.of(ALICE_TOKEN, BOB_TOKEN, "xoxb-refused-token-3333");

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static LocalSlackServer slack;
    private static Map<String, McpTool<?>> tools;
    private static final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void startThePlatform() throws Exception {
        slack = LocalSlackServer.start();
        LocalSlackServer.Workspace alices = slack.workspace(ALICE_TOKEN, "T0ALICE", "Alice Corp", "U0ABOT")
                .user("U01ADA", "ada", "Ada Lovelace", "ada@alice.test")
                .deletedUser("U02OLD", "old", "old@alice.test")
                .channel("C01GEN", "general", false, true)
                .channel("C02RAND", "random", false, false);
        for (int number = 10; number < 15; number++) {
            alices.user("U" + number + "X", "user" + number, "User " + number, "user" + number + "@alice.test");
            alices.channel("C" + number + "X", "channel-" + number, number % 2 == 0, true);
        }
        slack.workspace(BOB_TOKEN, "T0BOB", "Bob Corp", "U0BBOT")
                .user("U09BEA", "bea", "Bea Bob", "bea@bob.test")
                .channel("C09BOB", "bobs-channel", false, true);
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.slack.base-url=" + slack.baseUrl());
        for (Caller user : List.of(ALICE, BOB, CAROL)) {
            platform.send(new CreateUser(user.userId(), user.username(), Role.USER), ADMIN.userId(), ADMIN.username());
        }
        tools = new HashMap<>();
        for (McpTool<?> tool : platform.beans(McpTool.class)) {
            tools.put(tool.definition().name(), tool);
        }
        assertThat(success("slack_connect", ALICE, Map.of("bot_token", ALICE_TOKEN, "notify_user", "Ada Lovelace")))
                .isEqualTo(Map.of("connected", true, "team_id", "T0ALICE", "team_name", "Alice Corp",
                        "bot_user_id", "U0ABOT", "notify_user", "U01ADA"));
        success("slack_connect", BOB, Map.of("bot_token", BOB_TOKEN));
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
        slack.close();
    }

    @Test
    void aRefusedTokenIsAnInvalidArgumentAndStoresNothing() {
        long events = platform.eventCount();
        long secrets = secretCount();

        assertThat(error("slack_connect", CAROL, Map.of("bot_token", "xoxb-refused-token-3333")))
                .isEqualTo("invalid_argument: Slack refused the token (invalid_auth)");

        assertThat(platform.eventCount()).isEqualTo(events);
        assertThat(secretCount()).isEqualTo(secrets);
        assertThat(success("get_slack_connection", CAROL, Map.of())).containsEntry("connected", false);
    }

    @Test
    void withoutAConnectionEverySlackToolSaysToConnectFirst() {
        for (var call : List.of(Map.entry("slack_list_channels", Map.<String, Object>of()),
                Map.entry("slack_list_users", Map.<String, Object>of()),
                Map.entry("slack_send_message", Map.<String, Object>of("channel", "#general", "text", "hi")),
                Map.entry("slack_send_dm", Map.<String, Object>of("user", "ada@alice.test", "text", "hi")))) {
            assertThat(error(call.getKey(), CAROL, call.getValue()))
                    .isEqualTo("failed_precondition: connect Slack first with slack_connect");
        }
    }

    @Test
    void usersAndChannelsAreListedAcrossPagesFromTheCallersOwnWorkspace() {
        List<Object> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> arguments = new HashMap<>(Map.of("limit", 3));
            if (cursor != null) {
                arguments.put("cursor", cursor);
            }
            Map<String, Object> page = success("slack_list_users", ALICE, arguments);
            ((List<Map<String, Object>>) page.get("users")).forEach(user -> ids.add(user.get("id")));
            cursor = (String) page.get("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly("U01ADA", "U10X", "U11X", "U12X", "U13X", "U14X").doesNotContain("U02OLD");

        Map<String, Object> channels = success("slack_list_channels", ALICE, Map.of("limit", 2));
        assertThat((List<Map<String, Object>>) channels.get("channels")).containsExactly(
                Map.of("id", "C01GEN", "name", "general", "is_private", false, "is_member", true),
                Map.of("id", "C02RAND", "name", "random", "is_private", false, "is_member", false));
        Map<String, Object> rest = success("slack_list_channels", ALICE, Map.of("cursor", channels.get("next_cursor")));
        assertThat((List<?>) rest.get("channels")).hasSize(5);
        assertThat(rest.get("next_cursor")).isNull();

        assertThat((List<Map<String, Object>>) success("slack_list_users", BOB, Map.of()).get("users"))
                .extracting(user -> user.get("id")).containsExactly("U09BEA");
        assertThat((List<Map<String, Object>>) success("slack_list_channels", BOB, Map.of()).get("channels"))
                .extracting(channel -> channel.get("id")).containsExactly("C09BOB");
    }

    @Test
    void messagesAndDirectMessagesGoOutAsTheCallersBot() {
        int before = slack.calls("chat.postMessage").size();

        assertThat(success("slack_send_message", ALICE, Map.of("channel", "#general", "text", "Standup in 5")))
                .containsEntry("channel", "C01GEN").containsKey("ts");
        assertThat(success("slack_send_dm", ALICE, Map.of("user", "ada@alice.test", "text", "psst")))
                .containsEntry("user", "U01ADA").containsEntry("channel", "D01ADA");
        assertThat(success("slack_send_message", BOB, Map.of("channel", "C09BOB", "text", "Bob here")))
                .containsEntry("channel", "C09BOB");

        List<LocalSlackServer.Call> posts = slack.calls("chat.postMessage").subList(before, before + 3);
        assertThat(posts).extracting(LocalSlackServer.Call::token).containsExactly(ALICE_TOKEN, ALICE_TOKEN, BOB_TOKEN);
        assertThat(posts.get(0).parameters()).containsEntry("text", "Standup in 5");
    }

    @Test
    void anotherUsersWorkspaceIsOutOfReach() {
        assertThat(error("slack_send_dm", BOB, Map.of("user", "ada@alice.test", "text", "hi")))
                .isEqualTo("not_found: user 'ada@alice.test' not found in Slack");
        assertThat(error("slack_send_message", BOB, Map.of("channel", "#general", "text", "hi")))
                .isEqualTo("not_found: channel '#general' not found in Slack");
        assertThat(error("slack_send_message", BOB, Map.of("channel", "C01GEN", "text", "hi")))
                .isEqualTo("not_found: channel 'C01GEN' not found in Slack");
        assertThat(success("get_slack_connection", BOB, Map.of())).containsEntry("team_id", "T0BOB");
        assertThat(success("get_slack_connection", ADMIN, Map.of())).containsEntry("connected", false);
    }

    @Test
    void slacksRefusalsHaveTheirPublicCodes() {
        assertThat(error("slack_send_message", ALICE, Map.of("channel", "#random", "text", "hi")))
                .isEqualTo("failed_precondition: the bot is not in channel '#random'; invite it there first (/invite @your-bot)");
        assertThat(error("slack_send_message", ALICE, Map.of("channel", "#nowhere", "text", "hi")))
                .isEqualTo("not_found: channel '#nowhere' not found in Slack");
        assertThat(error("slack_send_dm", ALICE, Map.of("user", "old@alice.test", "text", "hi")))
                .isEqualTo("not_found: user 'old@alice.test' not found in Slack");
        assertThat(error("slack_send_message", ALICE, Map.of("channel", "#general", "text", "x".repeat(40_001))))
                .startsWith("invalid_argument: text");
    }

    @Test
    void disconnectingRemovesTheConnectionAndItsSecretAndTouchesNoOneElse() {
        Caller dave = new Caller("user-dave", "dave", Role.USER);
        platform.send(new CreateUser(dave.userId(), dave.username(), Role.USER), ADMIN.userId(), ADMIN.username());
        slack.workspace("xoxb-dave-4444", "T0DAVE", "Dave Corp", "U0DBOT");
        success("slack_connect", dave, Map.of("bot_token", "xoxb-dave-4444"));
        long secrets = secretCount();

        assertThat(success("slack_disconnect", dave, Map.of())).containsEntry("connected", false);
        assertThat(success("slack_disconnect", dave, Map.of())).containsEntry("connected", false);

        assertThat(secretCount()).isEqualTo(secrets - 1);
        assertThat(success("get_slack_connection", dave, Map.of())).containsEntry("connected", false);
        assertThat(error("slack_list_users", dave, Map.of())).startsWith("failed_precondition: connect Slack first");
        assertThat(success("get_slack_connection", ALICE, Map.of())).containsEntry("team_id", "T0ALICE");
    }

    @Test
    void noTokenIsInAnyAnswerEventTableOrLogLine(CapturedOutput output) {
        success("slack_connect", ALICE, Map.of("bot_token", ALICE_TOKEN, "notify_user", "U01ADA"));
        success("slack_list_users", ALICE, Map.of());
        success("get_slack_connection", ALICE, Map.of());
        error("slack_connect", CAROL, Map.of("bot_token", "xoxb-refused-token-3333"));

        List<String> tables = platform.jdbc().sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("domain_event_entry", "slack_connections", "secrets");
        for (String table : tables) {
            // every column as text; bytea (event payloads) as UTF-8 where it is text
            List<String> rows = platform.jdbc().sql("SELECT row_to_json(t)::text FROM " + table + " t").query(String.class).list();
            String payloads = table.equals("domain_event_entry")
                    ? String.join("\n", platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM domain_event_entry")
                    .query(String.class).list())
                    : "";
            for (String token : TOKENS) {
                assertThat(rows).as("rows of %s", table).noneMatch(row -> row.contains(token) || row.contains(hex(token)));
                assertThat(payloads).doesNotContain(token);
            }
        }
        assertThat(payloads("SlackConnected")).isNotEmpty().allSatisfy(event ->
                assertThat(event).contains("\"secretId\":\"sec-"));
        for (String token : TOKENS) {
            assertThat(answers).noneMatch(answer -> answer.contains(token));
            assertThat(output.getAll()).doesNotContain(token);
        }
    }

    private static List<String> payloads(String type) {
        return platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type = ?")
                .params("dev.agentry.command.api." + type).query(String.class).list();
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long secretCount() {
        return platform.jdbc().sql("SELECT count(*) FROM secrets").query(Long.class).single();
    }

    private static Map<String, Object> success(String name, Caller caller, Map<String, Object> arguments) {
        CallToolResult result = ToolCalls.call(tools.get(name), caller, arguments);
        answers.add(ToolCalls.text(result) + result.structuredContent());
        assertThat(result.isError()).as("%s answers success: %s", name, ToolCalls.text(result)).isFalse();
        return ToolCalls.structured(tools.get(name), result);
    }

    private static String error(String name, Caller caller, Map<String, Object> arguments) {
        CallToolResult result = ToolCalls.call(tools.get(name), caller, arguments);
        answers.add(ToolCalls.text(result));
        return ToolCalls.errorText(result);
    }
}
