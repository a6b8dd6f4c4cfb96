package dev.agentry.query.audit;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Runs and the repairs of reconciliation appear in the agent's history like every other event. */
class RunAndRepairAuditTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");

    private QuerySide querySide;
    private Actor alice;
    private String agentId;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
        alice = new Actor(newId(), "alice-" + newId().substring(0, 8));
        querySide.userEvent(alice.id(), new UserCreated(alice.id(), alice.name(), Role.USER), Actor.NOBODY);
        agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void runsAppearWithTheirTriggerTimesTokensAndErrors() {
        querySide.agentEvent(agentId, new AgentRunRequested(agentId, "run-m1"), alice);
        querySide.agentEvent(agentId, new AgentRan(agentId, "run-m1", RunTrigger.MANUAL, FIRE, FIRE.plusSeconds(1),
                FIRE.plusSeconds(30), "claude-sonnet", 1200, 340, "the summary stays in the run history",
                "t/run-m1.json"), Actor.SCHEDULER);
        querySide.agentEvent(agentId, new AgentFailed(agentId, "run-c1", RunTrigger.CATCH_UP, FIRE.plusSeconds(60),
                FIRE.plusSeconds(61), FIRE.plusSeconds(90), null, "RATE_LIMITED", "rate limited 3 times", 7, 0, null),
                Actor.SCHEDULER);
        querySide.agentEvent(agentId, new AgentRunSkipped(agentId, "run-s1", RunTrigger.SCHEDULE,
                FIRE.plusSeconds(120), "OVERLAP"), Actor.SCHEDULER);

        List<AgentHistoryEntry> runs = history().subList(2, 6);

        assertThat(runs).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor, AgentHistoryEntry::reason)
                .containsExactly(
                        tuple("AgentRunRequested", alice.name(), null),
                        tuple("AgentRan", "system:scheduler", null),
                        tuple("AgentFailed", "system:scheduler", null),
                        tuple("AgentRunSkipped", "system:scheduler", "OVERLAP"));
        assertThat(runs.get(0).details()).isEqualTo(Map.of("run_id", "run-m1", "trigger", "MANUAL"));
        assertThat(runs.get(1).details()).isEqualTo(mapOf(
                "run_id", "run-m1", "trigger", "MANUAL", "scheduled_at", "2026-11-26T08:00:00Z",
                "started_at", "2026-11-26T08:00:01Z", "finished_at", "2026-11-26T08:00:30Z",
                "model", "claude-sonnet", "input_tokens", 1200, "output_tokens", 340));
        assertThat(runs.get(2).details()).isEqualTo(mapOf(
                "run_id", "run-c1", "trigger", "CATCH_UP", "scheduled_at", "2026-11-26T08:01:00Z",
                "started_at", "2026-11-26T08:01:01Z", "finished_at", "2026-11-26T08:01:30Z",
                "model", null, "input_tokens", 7, "output_tokens", 0,
                "error_kind", "RATE_LIMITED", "error_message", "rate limited 3 times"));
        assertThat(runs.get(3).details()).isEqualTo(Map.of(
                "run_id", "run-s1", "trigger", "SCHEDULE", "scheduled_at", "2026-11-26T08:02:00Z"));
    }

    @Test
    void aStopAtTheFailureLimitSaysSo() {
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.FAILURE_LIMIT), Actor.SCHEDULER);

        AgentHistoryEntry stop = history().get(2);

        assertThat(stop.type()).isEqualTo("AgentStopped");
        assertThat(stop.reason()).isEqualTo("FAILURE_LIMIT");
        assertThat(stop.details()).isEmpty();
    }

    @Test
    void repairsByReconciliationSayReconciliation() {
        querySide.agentEvent(agentId, new AgentScheduleRestored(agentId), Actor.RECONCILIATION);
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.ORPHANED), Actor.RECONCILIATION);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);

        List<AgentHistoryEntry> history = history().subList(2, 6);

        assertThat(history).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor, AgentHistoryEntry::reason,
                        AgentHistoryEntry::details)
                .containsExactly(
                        tuple("AgentScheduleRestored", "system:reconciliation", null, Map.of("reason", "RECONCILIATION")),
                        tuple("AgentStopped", "system:reconciliation", "ORPHANED", Map.of("reason", "RECONCILIATION")),
                        tuple("AgentStarted", alice.name(), null, Map.of()),
                        tuple("AgentStopped", alice.name(), "USER", Map.of()));
    }

    @Test
    void aRedeliveredRunIsRecordedOnce() {
        DomainEventMessage<?> ran = querySide.agentEvent(agentId, new AgentRan(agentId, "run-1", RunTrigger.SCHEDULE,
                FIRE, FIRE, FIRE.plusSeconds(5), "m", 1, 1, "s", null), Actor.SCHEDULER);

        querySide.redeliver(ran);

        assertThat(history()).extracting(AgentHistoryEntry::type)
                .containsExactly("AgentCreated", "AgentStarted", "AgentRan");
    }

    private List<AgentHistoryEntry> history() {
        return querySide.queryList(new AgentHistory(agentId, alice.id(), 100), AgentHistoryEntry.class);
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
}
