package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsLimits;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.UpdateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.infra.platform.testing.InMemoryMessaging.SentCommand;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.FindSlackConnection;
import dev.agentry.query.api.SlackConnectionView;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.query.api.ListAgents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent tools against Axon's real gateways, with a minimal stand-in for the agent aggregate and
 * its read model: the tools' own behaviour (validation, ownership, actor, answers) is what is tested.
 */
class AgentToolsTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Caller BOB = new Caller("user-bob", "bob", Role.ADMIN);
    private static final Instant CREATED = Instant.parse("2026-11-26T08:00:00Z");

    /** The read model: the agents as FindAgent sees them. */
    private final Map<String, AgentView> agents = new ConcurrentHashMap<>();
    private final Map<String, SlackConnectionView> slackConnections = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> startRejection = new AtomicReference<>();
    private final List<Object> queries = new ArrayList<>();
    private final InMemoryMessaging messaging = new InMemoryMessaging()
            .onCommand(CreateAgent.class, command -> {
                agents.put(command.agentId(), view(command.agentId(), command.ownerId(), command.settings(), AgentStatus.STOPPED));
                return null;
            })
            .onCommand(UpdateAgent.class, command -> {
                AgentView agent = agents.get(command.agentId());
                agents.put(agent.agentId(), view(agent.agentId(), agent.ownerId(),
                        command.change().applyTo(settingsOf(agent)), agent.status()));
                return null;
            })
            .onCommand(StartAgent.class, command -> {
                if (startRejection.get() != null) {
                    throw startRejection.get();
                }
                return withStatus(command.agentId(), AgentStatus.RUNNING);
            })
            .onCommand(StopAgent.class, command -> withStatus(command.agentId(), AgentStatus.STOPPED))
            .onCommand(DeleteAgent.class, command -> withStatus(command.agentId(), AgentStatus.DELETED))
            .onQuery(FindAgent.class, AgentView.class, query -> {
                AgentView agent = agents.get(query.agentId());
                return agent != null && agent.ownerId().equals(query.ownerId()) && agent.status() != AgentStatus.DELETED
                        ? agent : null;
            })
            .onQuery(FindSlackConnection.class, SlackConnectionView.class, query -> slackConnections.get(query.userId()))
            .onQuery(ListAgents.class, AgentView.class, query -> {
                queries.add(query);
                return agents.values().stream().filter(agent -> agent.ownerId().equals(query.ownerId())).toList();
            })
            .onQuery(AgentHistory.class, AgentHistoryEntry.class, query -> List.of(
                    new AgentHistoryEntry("AgentCreated", CREATED, "alice", null, Map.of("name", "digest", "at", CREATED)),
                    new AgentHistoryEntry("AgentStopped", CREATED.plusSeconds(60), "system:reconciliation", "ORPHANED", Map.of())));

    private final ReadModelQueries readModel = new ReadModelQueries(messaging.queryGateway(), InMemoryMessaging.readModelsAlwaysCurrent(), ToolCalls.PROPERTIES);
    private final CommandSender commands = new CommandSender(messaging.commandGateway(), ToolCalls.PROPERTIES);
    private final OwnedAgents owned = new OwnedAgents(readModel);
    private final SlackToolsNeedAConnection slackTools =
            new SlackToolsNeedAConnection(new SlackConnections(messaging.queryGateway(), null));
    private final CreateAgentTool create = new CreateAgentTool(commands, owned, slackTools);
    private final UpdateAgentTool update = new UpdateAgentTool(commands, owned, slackTools);
    private final StartAgentTool start = new StartAgentTool(commands, owned);
    private final StopAgentTool stop = new StopAgentTool(commands, owned);
    private final DeleteAgentTool delete = new DeleteAgentTool(commands, owned, readModel);
    private final GetAgentTool get = new GetAgentTool(owned);
    private final ListAgentsTool list = new ListAgentsTool(readModel);
    private final AgentHistoryTool history = new AgentHistoryTool(owned, readModel,
            JsonMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());

    @Test
    void createAgentAnswersTheNewStoppedAgentWithTheCallerAsOwnerAndActor() {
        Map<String, Object> agent = structured(create, ToolCalls.call(create, ALICE, Map.of(
                "name", "digest", "instructions", "Summarise the night.",
                "schedule", Map.of("cron", "0 9 * * 1-5", "timezone", "Europe/Berlin"))));

        assertThat(agent.get("agent_id").toString()).matches("[0-9a-f-]{36}");
        assertThat(agent).containsEntry("owner", "alice").containsEntry("status", "STOPPED")
                .containsEntry("tier", "standard").containsEntry("overlap", "skip").containsEntry("catch_up", "skip")
                .containsEntry("schedule", Map.of("cron", "0 9 * * 1-5", "timezone", "Europe/Berlin"))
                .containsEntry("model", null).containsEntry("last_run", null);
        SentCommand sent = messaging.sentCommands().get(0);
        assertThat(((CreateAgent) sent.payload()).ownerId()).isEqualTo("user-alice");
        assertThat(sent.metaData()).containsEntry(MessageMetadata.ACTOR_ID, "user-alice")
                .containsEntry(MessageMetadata.ACTOR_NAME, "alice");
    }

    @Test
    void aSlackToolNeedsTheOwnersSlackConnection() {
        assertThat(errorText(ToolCalls.call(create, ALICE, Map.of("name", "notifier", "instructions", "x",
                "tools", List.of("current_time", "slack_send_dm")))))
                .isEqualTo("failed_precondition: slack_send_dm act through your Slack connection: "
                        + "connect Slack first with slack_connect");
        assertThat(messaging.sentCommands()).isEmpty();

        slackConnections.put("user-alice", new SlackConnectionView("user-alice", "T1", "Acme", "U0BOT", null, "sec-1", CREATED));
        Map<String, Object> agent = structured(create, ToolCalls.call(create, ALICE, Map.of("name", "notifier",
                "instructions", "x", "tools", List.of("slack_send_dm"))));
        assertThat(agent).containsEntry("tools", List.of("slack_send_dm"));
    }

    @Test
    void anUpdateGivingASlackToolNeedsTheOwnersSlackConnection() {
        Map<String, Object> agent = structured(create, ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));

        assertThat(errorText(ToolCalls.call(update, ALICE, Map.of("agent_id", agent.get("agent_id"),
                "tools", List.of("slack_list_channels", "slack_send_message")))))
                .isEqualTo("failed_precondition: slack_list_channels, slack_send_message act through your Slack connection: "
                        + "connect Slack first with slack_connect");
        assertThat(messaging.sentCommands()).hasSize(1);
    }

    @Test
    void aCreateWithAnInvalidArgumentSendsNoCommand() {
        assertThat(errorText(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x", "tier", "mega"))))
                .startsWith("invalid_argument: tier: ").contains("[\"basic\", \"standard\", \"advanced\", \"deep\"]");
        assertThat(errorText(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x",
                "schedule", Map.of("cron", "0 9 * * *", "timezone", "x".repeat(AgentSettingsLimits.TIMEZONE_MAX_LENGTH + 1))))))
                .startsWith("invalid_argument: schedule.timezone: ");
        assertThat(messaging.sentCommands()).isEmpty();
    }

    @Test
    void anotherUsersAgentReadsAsNotFoundToEveryToolAndIsLeftAlone() {
        String bobs = agentIdOf(ToolCalls.call(create, BOB, Map.of("name", "bobs", "instructions", "x")));
        int sentBefore = messaging.sentCommands().size();

        for (McpTool<?> tool : List.of(get, start, stop, delete, history)) {
            assertThat(errorText(ToolCalls.call(tool, ALICE, Map.of("agent_id", bobs))))
                    .as(tool.definition().name()).isEqualTo("not_found: agent '" + bobs + "' not found");
        }
        assertThat(errorText(ToolCalls.call(update, ALICE, Map.of("agent_id", bobs, "name", "mine"))))
                .isEqualTo("not_found: agent '" + bobs + "' not found");
        assertThat(messaging.sentCommands()).hasSize(sentBefore);
    }

    @Test
    void startingARunningAgentChangesNothing() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));
        assertThat(structured(start, ToolCalls.call(start, ALICE, Map.of("agent_id", id)))).containsEntry("status", "RUNNING");
        int sentBefore = messaging.sentCommands().size();

        assertThat(structured(start, ToolCalls.call(start, ALICE, Map.of("agent_id", id)))).containsEntry("status", "RUNNING");
        assertThat(messaging.sentCommands()).hasSize(sentBefore);
    }

    @Test
    void stoppingAStoppedAgentChangesNothing() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));
        int sentBefore = messaging.sentCommands().size();

        assertThat(structured(stop, ToolCalls.call(stop, ALICE, Map.of("agent_id", id)))).containsEntry("status", "STOPPED");
        assertThat(messaging.sentCommands()).hasSize(sentBefore);
    }

    @Test
    void aRefusalOfTheAggregateIsAnsweredWithItsCodeAndMessage() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));
        startRejection.set(new CommandRejectedException(RejectionCode.FAILED_PRECONDITION, "agent '" + id + "' is being deleted"));

        assertThat(errorText(ToolCalls.call(start, ALICE, Map.of("agent_id", id))))
                .isEqualTo("failed_precondition: agent '" + id + "' is being deleted");
    }

    @Test
    void anAgentUnknownToTheEventStoreIsNotFound() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));
        startRejection.set(new AggregateNotFoundException(id, "The aggregate was not found in the event store"));

        assertThat(errorText(ToolCalls.call(start, ALICE, Map.of("agent_id", id))))
                .isEqualTo("not_found: agent '" + id + "' not found");
    }

    @Test
    void aDeletedAgentAnswersDeletedAndIsNotFoundAfterwards() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));

        assertThat(structured(delete, ToolCalls.call(delete, ALICE, Map.of("agent_id", id))))
                .isEqualTo(Map.of("agent_id", id, "status", "DELETED"));
        assertThat(errorText(ToolCalls.call(get, ALICE, Map.of("agent_id", id)))).isEqualTo("not_found: agent '" + id + "' not found");
        assertThat(errorText(ToolCalls.call(delete, ALICE, Map.of("agent_id", id)))).isEqualTo("not_found: agent '" + id + "' not found");
    }

    @Test
    void anUpdateChangesOnlyTheGivenSettingsAndNullClearsTheSchedule() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x",
                "schedule", Map.of("cron", "0 9 * * *"), "model", "claude-sonnet")));
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("agent_id", id);
        arguments.put("schedule", null);
        arguments.put("tier", "deep");

        Map<String, Object> agent = structured(update, ToolCalls.call(update, ALICE, arguments));

        assertThat(agent).containsEntry("schedule", null).containsEntry("tier", "deep")
                .containsEntry("model", "claude-sonnet").containsEntry("name", "digest");
    }

    @Test
    void anUpdateWithNothingToChangeIsRefused() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));

        assertThat(errorText(ToolCalls.call(update, ALICE, Map.of("agent_id", id))))
                .startsWith("invalid_argument: ").contains("agent_id and at least one setting to change");
        assertThat(messaging.sentCommands()).hasSize(1);
    }

    @Test
    void listAgentsAsksForTheCallersAgentsInTheGivenStatus() {
        ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x"));

        Map<String, Object> answer = structured(list, ToolCalls.call(list, ALICE, Map.of("status", "RUNNING")));

        assertThat(queries).containsExactly(new ListAgents("user-alice", AgentStatus.RUNNING, null, null,
                ListAgents.DEFAULT_LIMIT + 1));
        assertThat((List<?>) answer.get("agents")).hasSize(1);
        assertThat(answer.get("next_cursor")).isNull();
        assertThat(errorText(ToolCalls.call(list, ALICE, Map.of("status", "running"))))
                .startsWith("invalid_argument: status: ").contains("[\"STOPPED\", \"RUNNING\", \"DELETED\"]");
    }

    @Test
    void historyEntriesCarryAReasonOnlyWhereTheEventHasOneAndPlainJsonDetails() {
        String id = agentIdOf(ToolCalls.call(create, ALICE, Map.of("name", "digest", "instructions", "x")));

        Map<String, Object> answer = structured(history, ToolCalls.call(history, ALICE, Map.of("agent_id", id)));

        assertThat(answer.get("events")).isEqualTo(List.of(
                Map.of("type", "AgentCreated", "at", "2026-11-26T08:00:00Z", "actor", "alice",
                        "details", Map.of("name", "digest", "at", "2026-11-26T08:00:00Z")),
                Map.of("type", "AgentStopped", "at", "2026-11-26T08:01:00Z", "actor", "system:reconciliation",
                        "reason", "ORPHANED", "details", Map.of())));
        assertThat(errorText(ToolCalls.call(history, ALICE, Map.of("agent_id", id, "limit", 1001))))
                .isEqualTo("invalid_argument: limit: must have a maximum value of 1000");
    }

    private String agentIdOf(CallToolResult result) {
        return structured(get, result).get("agent_id").toString();
    }

    private Object withStatus(String agentId, AgentStatus status) {
        AgentView agent = agents.get(agentId);
        agents.put(agentId, view(agentId, agent.ownerId(), settingsOf(agent), status));
        return null;
    }

    private static AgentView view(String agentId, String ownerId, AgentSettings settings, AgentStatus status) {
        return new AgentView(agentId, ownerId, ownerId.substring("user-".length()), settings.name(), settings.instructions(),
                settings.tier(), settings.model(), settings.schedule(), settings.tools(), settings.overlap(),
                settings.catchUp(), settings.maxConsecutiveFailures(), settings.notifications(), settings.maxTokensPerRun(),
                settings.maxTokensPerDay(), status, CREATED, CREATED, 1, null, null);
    }

    private static AgentSettings settingsOf(AgentView agent) {
        return new AgentSettings(agent.name(), agent.instructions(), agent.tier(), agent.model(), agent.schedule(),
                agent.tools(), agent.overlap(), agent.catchUp(), agent.maxConsecutiveFailures(), agent.notifications(),
                agent.maxTokensPerRun(), agent.maxTokensPerDay());
    }
}
