package dev.agentry.infra.postgres.eventstore;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An agent with many runs is loaded from its latest snapshot and the events after it. Proved by making
 * every event the snapshot covers unreadable: the restarted platform still knows the agent's owner, status,
 * failure streak and recent run ids.
 */
class AgentSnapshotsTest {

    private static final String ALICE = "user-alice";
    private static final String SCHEDULER = "system:scheduler";
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final int RUNS = 150;
    private static final int REQUESTS = 100;

    @TempDir
    Path home;

    @Test
    void anAgentLoadedFromItsSnapshotKeepsItsOwnerStatusFailureStreakAndRecentRuns() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            loadFromSnapshotAfterRestart(database);
        }
    }

    private void loadFromSnapshotAfterRestart(PostgresTestDatabase database) {
        String agentId = UUID.randomUUID().toString();
        long snapshotCovers;
        try (RunningPlatform platform = RunningPlatform.start(database, home)) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            platform.send(new CreateAgent(agentId, ALICE, settingsAllowingFailures(3)), ALICE, "alice");
            platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
            for (int run = 1; run <= RUNS; run++) {
                platform.send(succeeded(agentId, "run-" + run), SCHEDULER, SCHEDULER);
            }
            platform.send(failed(agentId, "run-failed-1"), SCHEDULER, SCHEDULER);
            platform.send(failed(agentId, "run-failed-2"), SCHEDULER, SCHEDULER);
            for (int request = 1; request <= REQUESTS; request++) {
                platform.send(new RequestAgentRun(agentId, ALICE, "run-manual-" + request), ALICE, "alice");
            }
            long events = eventsOf(platform, agentId);
            await().atMost(Duration.ofSeconds(10)).until(() -> latestSnapshot(platform, agentId) >= events - 100);
            snapshotCovers = latestSnapshot(platform, agentId);
            assertThat(snapshotCovers).as("the snapshot comes after both failures")
                    .isGreaterThanOrEqualTo(2 + RUNS + 2 - 1);
        }
        try (RunningPlatform restarted = RunningPlatform.start(database, home)) {
            int unreadable = restarted.jdbc().sql("""
                            UPDATE domain_event_entry SET payload = convert_to('not an event', 'UTF8')
                            WHERE aggregate_identifier = ? AND sequence_number <= ?""")
                    .params(agentId, snapshotCovers).update();
            assertThat(unreadable).isEqualTo(snapshotCovers + 1);
            long events = eventsOf(restarted, agentId);

            restarted.send(new StartAgent(agentId, ALICE), ALICE, "alice");
            restarted.send(succeeded(agentId, "run-" + RUNS), SCHEDULER, SCHEDULER);
            restarted.send(new RequestAgentRun(agentId, ALICE, "run-manual-" + REQUESTS), ALICE, "alice");
            assertThat(eventsOf(restarted, agentId)).as("still running, the run already recorded and requested")
                    .isEqualTo(events);

            assertThatThrownBy(() -> restarted.send(new StopAgent(agentId, "user-bob"), "user-bob", "bob"))
                    .isInstanceOfSatisfying(CommandRejectedException.class,
                            rejected -> assertThat(rejected.code()).isEqualTo(RejectionCode.NOT_FOUND));

            restarted.send(failed(agentId, "run-failed-3"), SCHEDULER, SCHEDULER);
            assertThat(restarted.jdbc().sql("""
                            SELECT payload_type FROM domain_event_entry
                            WHERE aggregate_identifier = ? AND sequence_number > ? ORDER BY sequence_number""")
                    .params(agentId, events - 1).query(String.class).list())
                    .as("the third failure in a row completes the streak the snapshot carried")
                    .containsExactly("dev.agentry.command.api.AgentFailed", "dev.agentry.command.api.AgentStopped");
        }
    }

    private static RecordAgentRun succeeded(String agentId, String runId) {
        return new RecordAgentRun(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(20),
                "claude-sonnet", 100, 20, "done", null);
    }

    private static RecordAgentFailure failed(String agentId, String runId) {
        return new RecordAgentFailure(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(9),
                null, "TIMEOUT", "no answer", 0, 0, null);
    }

    private static long eventsOf(RunningPlatform platform, String agentId) {
        return platform.jdbc().sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(agentId).query(Long.class).single();
    }

    /** The sequence number of the last event the latest snapshot covers, or -1. */
    private static long latestSnapshot(RunningPlatform platform, String agentId) {
        return platform.jdbc().sql("SELECT COALESCE(MAX(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(agentId).query(Long.class).single();
    }

    private static AgentSettings settingsAllowingFailures(int maxConsecutiveFailures) {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null,
                new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                // no failure notices, which would append events of their own while the test counts them
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, maxConsecutiveFailures).withNotify(NotifyPolicy.NONE);
    }
}
