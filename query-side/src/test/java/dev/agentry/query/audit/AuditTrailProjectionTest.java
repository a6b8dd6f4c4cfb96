package dev.agentry.query.audit;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditTrailProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private QuerySide querySide;
    private Actor alice;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
        alice = new Actor(newId(), "alice-" + newId().substring(0, 8));
        querySide.userEvent(alice.id(), new UserCreated(alice.id(), alice.name(), Role.USER), Actor.NOBODY);
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void historyListsTheAgentsEventsOldestFirstWithActorsAndReasons() {
        String agentId = newId();
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        querySide.agentEvent(agentId, new AgentReconfigured(agentId, ExampleSettings.manual("helper")), alice);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        DomainEventMessage<?> orphaned = querySide.agentEvent(agentId,
                new AgentStopped(agentId, StopReason.ORPHANED), Actor.RECONCILIATION);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);

        List<AgentHistoryEntry> history = history(agentId, alice, 100);

        assertThat(history).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor, AgentHistoryEntry::reason)
                .containsExactly(
                        tuple("AgentCreated", alice.name(), null),
                        tuple("AgentReconfigured", alice.name(), null),
                        tuple("AgentStarted", alice.name(), null),
                        tuple("AgentStopped", "system:reconciliation", "ORPHANED"),
                        tuple("AgentStarted", alice.name(), null));
        assertThat(history.get(0).at()).isEqualTo(created.getTimestamp());
        assertThat(history.get(3).at()).isEqualTo(orphaned.getTimestamp());
        assertThat(history.get(2).details()).isEmpty();
    }

    @Test
    void eventsWithTheSameTimestampKeepTheirOrder() {
        querySide.clockStep(Duration.ZERO);
        String agentId = createAgent();
        for (int i = 0; i < 4; i++) {
            querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
            querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.values()[i % 3]), alice);
        }

        List<AgentHistoryEntry> history = history(agentId, alice, 100);

        assertThat(history).extracting(AgentHistoryEntry::reason).containsExactly(
                null, null, "USER", null, "ORPHANED", null, "FAILURE_LIMIT", null, "USER");
        assertThat(history).extracting(AgentHistoryEntry::at).containsOnly(history.get(0).at());
    }

    @Test
    void aLimitedHistoryShowsTheLatestEntriesOldestFirst() {
        String agentId = createAgent();
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);

        assertThat(history(agentId, alice, 2)).extracting(AgentHistoryEntry::type)
                .containsExactly("AgentStarted", "AgentStopped");
    }

    @Test
    void actorFallsBackToTheActorIdAndThenToSystem() {
        String agentId = createAgent();
        querySide.agentEvent(agentId, new AgentStarted(agentId), new Actor("user-without-name", null));
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.FAILURE_LIMIT), Actor.NOBODY);

        assertThat(history(agentId, alice, 100)).extracting(AgentHistoryEntry::actor)
                .containsExactly(alice.name(), "user-without-name", "system");
    }

    @Test
    void settingsEntriesCarryTheSettingsInSnakeCase() {
        String agentId = createAgent();
        querySide.agentEvent(agentId, new AgentReconfigured(agentId, ExampleSettings.manual("helper")
                .withNotify(NotifyPolicy.NONE).withTokenBudgets(5_000L, 50_000L)), alice);

        List<AgentHistoryEntry> history = history(agentId, alice, 100);

        assertThat(history.get(0).details()).isEqualTo(mapOf(
                "name", "digest",
                "instructions", "Summarise the news for digest",
                "tier", "advanced",
                "model", null,
                "schedule", Map.of("cron", "0 8 * * MON-FRI", "timezone", "Europe/Paris"),
                "tools", List.of("slack_send_message", "slack_list_channels"),
                "overlap", "buffer_one",
                "catch_up", "run_once",
                "max_consecutive_failures", 3,
                "notify", "failures",
                "max_tokens_per_run", null,
                "max_tokens_per_day", null));
        assertThat(history.get(1).details()).isEqualTo(mapOf(
                "name", "helper",
                "instructions", "Answer when asked, helper",
                "tier", "deep",
                "model", "claude-sonnet",
                "schedule", null,
                "tools", List.of(),
                "overlap", "skip",
                "catch_up", "skip",
                "max_consecutive_failures", null,
                "notify", "none",
                "max_tokens_per_run", 5_000,
                "max_tokens_per_day", 50_000));
    }

    @Test
    void historyIsEmptyForAnyoneButTheOwner() {
        String agentId = createAgent();
        Actor bob = new Actor(newId(), "bob-" + newId().substring(0, 8));

        assertThat(history(agentId, bob, 100)).isEmpty();
        assertThat(history(agentId, alice, 100)).hasSize(1);
    }

    @Test
    void historyOfADeletedAgentIsHiddenButItsDeletionIsAudited() {
        String agentId = createAgent();
        querySide.agentEvent(agentId, new AgentDeleted(agentId), alice);

        assertThat(history(agentId, alice, 100)).isEmpty();
        assertThat(database.jdbc().sql("SELECT type FROM audit_log WHERE agent_id = :agentId ORDER BY position")
                .param("agentId", agentId).query(String.class).list())
                .containsExactly("AgentCreated", "AgentDeleted");
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        String agentId = createAgent();
        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);

        querySide.redeliver(started);

        assertThat(history(agentId, alice, 100)).extracting(AgentHistoryEntry::type)
                .containsExactly("AgentCreated", "AgentStarted");
    }

    @Test
    void identityEventsNameTheUserAndTheTokenButNeverTheTokenHash() {
        Actor admin = new Actor(newId(), "admin");
        String userId = newId();
        String tokenId = newId();
        String tokenHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String username = "carol-" + newId().substring(0, 8);
        querySide.userEvent(userId, new UserCreated(userId, username, Role.ADMIN), admin);
        querySide.userEvent(userId, new ApiTokenIssued(userId, tokenId, tokenHash), admin);
        querySide.userEvent(userId, new ApiTokenRevoked(userId, tokenId), admin);

        List<Map<String, Object>> rows = database.jdbc()
                .sql("""
                        SELECT type, actor, actor_id, agent_id, details::text AS details, audit_log::text AS whole_row
                        FROM audit_log WHERE user_id = :userId ORDER BY position
                        """)
                .param("userId", userId).query().listOfRows();

        assertThat(rows).extracting(row -> row.get("type"), row -> row.get("actor"), row -> row.get("actor_id"),
                        row -> row.get("agent_id"), row -> row.get("details"))
                .containsExactly(
                        tuple("UserCreated", "admin", admin.id(), null, "{\"role\": \"ADMIN\", \"username\": \"" + username + "\"}"),
                        tuple("ApiTokenIssued", "admin", admin.id(), null, "{\"token_id\": \"" + tokenId + "\"}"),
                        tuple("ApiTokenRevoked", "admin", admin.id(), null, "{\"token_id\": \"" + tokenId + "\"}"));
        assertThat(rows).extracting(row -> (String) row.get("whole_row")).noneMatch(row -> row.contains(tokenHash));
    }

    @Test
    void slackConnectionsAreRecordedByWorkspaceAndBotButNeverBySecret() {
        querySide.userEvent(alice.id(), new SlackConnected(alice.id(), "T0ACME", "Acme", "U0BOT", "U01ADA",
                "secret-of-the-bot-token", null), alice);
        querySide.userEvent(alice.id(), new SlackDisconnected(alice.id(), "T0ACME", "secret-of-the-bot-token"), alice);

        List<Map<String, Object>> rows = database.jdbc()
                .sql("""
                        SELECT type, actor, details::text AS details, audit_log::text AS whole_row FROM audit_log
                        WHERE user_id = :userId AND type LIKE 'Slack%' ORDER BY position""")
                .param("userId", alice.id()).query().listOfRows();

        assertThat(rows).extracting(row -> row.get("type"), row -> row.get("actor"), row -> row.get("details"))
                .containsExactly(
                        tuple("SlackConnected", alice.name(), "{\"team_id\": \"T0ACME\", \"team_name\": \"Acme\", "
                                + "\"bot_user_id\": \"U0BOT\", \"notify_user\": \"U01ADA\"}"),
                        tuple("SlackDisconnected", alice.name(), "{\"team_id\": \"T0ACME\"}"));
        assertThat(rows).extracting(row -> (String) row.get("whole_row")).noneMatch(row -> row.contains("secret-of"));
    }

    @Test
    void catalogueChangesAreRecordedByModel() {
        Actor admin = new Actor(newId(), "admin");
        String model = "model-" + newId().substring(0, 8);
        querySide.modelEvent(model, new ModelRegistered(model, new ModelDefinition("Model", ReasoningTier.STANDARD,
                new ModelCapabilities(true, false), List.of(new ModelOffering("bedrock", "vendor-id-1")), 1)), Actor.NOBODY);
        querySide.modelEvent(model, new ModelDisabled(model), admin);
        querySide.modelEvent(model, new ModelEnabled(model), admin);

        assertThat(database.jdbc()
                .sql("SELECT type, actor, agent_id, user_id, details::text FROM audit_log WHERE details ->> 'model' = :model ORDER BY position")
                .param("model", model).query((row, number) -> tuple(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5))).list())
                .containsExactly(
                        tuple("ModelRegistered", "system", null, null, "{\"tier\": \"standard\", \"model\": \"" + model
                                + "\", \"providers\": [\"bedrock\"], \"friendly_name\": \"Model\"}"),
                        tuple("ModelDisabled", "admin", null, null, "{\"model\": \"" + model + "\"}"),
                        tuple("ModelEnabled", "admin", null, null, "{\"model\": \"" + model + "\"}"));
    }

    @Test
    void resetEmptiesTheAuditLogAndAReplayRestoresIt() {
        String agentId = newId();
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        List<AgentHistoryEntry> before = history(agentId, alice, 100);

        querySide.reset("audit-trail");

        assertThat(database.jdbc().sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isZero();
        assertThat(history(agentId, alice, 100)).isEmpty();

        querySide.redeliver(created);
        querySide.redeliver(started);
        assertThat(history(agentId, alice, 100)).isEqualTo(before).hasSize(2);
    }

    private List<AgentHistoryEntry> history(String agentId, Actor asker, int limit) {
        return querySide.queryList(new AgentHistory(agentId, asker.id(), limit), AgentHistoryEntry.class);
    }

    private String createAgent() {
        String agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        return agentId;
    }

    /** Map.of refuses null values, which the details do carry. */
    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theAuditLogsTypeFilterOffersExactlyTheEventsTheTrailRecords() {
        List<String> handled = java.util.Arrays.stream(AuditTrailProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class))
                .map(method -> method.getParameterTypes()[0].getSimpleName())
                .toList();

        assertThat(dev.agentry.query.api.AuditLog.TYPES).containsExactlyInAnyOrderElementsOf(handled);
    }
}
