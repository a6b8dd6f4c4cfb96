package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A run reads its agent's owner and settings from the agent's events, snapshots or not. */
class EventSourcedAgentsTest {

    private static final String ALICE = "user-alice";
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final AgentSettings SETTINGS = new AgentSettings("reporter", "Summarise the news",
            ReasoningTier.ADVANCED, null, new Schedule("* * * * *", "UTC"), List.of("current_time"),
            OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);

    @TempDir
    Path home;

    @Test
    void anAgentWithASnapshotIsFoundWithTheOwnerAndSettingsOfItsEventsAndADeletedOneIsNot() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.event-store.agent-events-per-snapshot=10")) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            String agentId = UUID.randomUUID().toString();
            platform.send(new CreateAgent(agentId, ALICE, SETTINGS), ALICE, "alice");
            for (int run = 1; run <= 25; run++) {
                platform.send(new RecordAgentRun(agentId, "run-" + run, RunTrigger.SCHEDULE, FIRE, FIRE,
                        FIRE.plusSeconds(20), "claude-sonnet", 100, 20, "done", null), "system:scheduler", "system:scheduler");
            }
            assertThat(platform.jdbc().sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                    .param(agentId).query(Long.class).single()).as("snapshots of the agent").isPositive();

            EventSourcedAgents agents = platform.bean(EventSourcedAgents.class);
            // 25 runs of 120 tokens, all started at the fire time of 26 November (UTC)
            assertThat(agents.find(agentId, FIRE)).contains(new EventSourcedAgents.LiveAgent(ALICE, SETTINGS, 25 * 120));
            assertThat(agents.find(agentId, FIRE.plusSeconds(24 * 3600))).contains(new EventSourcedAgents.LiveAgent(ALICE, SETTINGS, 0));

            platform.send(new DeleteAgent(agentId, ALICE), ALICE, "alice");
            assertThat(agents.find(agentId, FIRE)).isEmpty();
        }
    }
    @Test
    void aRunReadsTheLifecycleEventsWhateverTheirAgeButOnlyTheRunsRecordedNearItsDay() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home)) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            String agentId = UUID.randomUUID().toString();
            platform.send(new CreateAgent(agentId, ALICE, SETTINGS), ALICE, "alice");
            Instant now = Instant.now();
            for (int run = 1; run <= 10; run++) {
                platform.send(new RecordAgentRun(agentId, "run-" + run, RunTrigger.SCHEDULE, now, now,
                        now.plusSeconds(20), "claude-sonnet", 100, 20, "done", null), "system:scheduler", "system:scheduler");
            }
            // the creation and the first 6 runs were recorded a month ago, and those runs can no longer be read:
            // if the run's read asked for them it would fail
            platform.jdbc().sql("""
                    UPDATE domain_event_entry SET time_stamp = '2026-10-01T08:00:00.000Z'
                    WHERE aggregate_identifier = ? AND sequence_number <= 6
                    """).param(agentId).update();
            platform.jdbc().sql("""
                    UPDATE domain_event_entry SET payload = convert_to('{not json', 'UTF8')
                    WHERE aggregate_identifier = ? AND sequence_number BETWEEN 1 AND 6
                    """).param(agentId).update();

            EventSourcedAgents agents = platform.bean(EventSourcedAgents.class);
            assertThat(agents.find(agentId, now)).contains(new EventSourcedAgents.LiveAgent(ALICE, SETTINGS, 4 * 120));
        }
    }
}
