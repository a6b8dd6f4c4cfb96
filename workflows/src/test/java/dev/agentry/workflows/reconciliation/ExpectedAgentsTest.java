package dev.agentry.workflows.reconciliation;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedAgentsTest {

    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");

    private final List<TrackedEventMessage<?>> store = new ArrayList<>();

    @Test
    void aStartedAgentIsExpectedToRunWithItsLatestSettings() {
        AgentSettings hourly = settings("0 * * * *");
        record("a1", new AgentCreated("a1", "user-alice", settings("*/5 * * * *")), T0);
        record("a1", new AgentStarted("a1"), T0.plusSeconds(10));
        record("a1", new AgentReconfigured("a1", hourly), T0.plusSeconds(20));

        ExpectedAgents expected = ExpectedAgents.replay(store.stream());

        assertThat(expected.running()).singleElement().satisfies(agent -> {
            assertThat(agent.agentId()).isEqualTo("a1");
            assertThat(agent.settings()).isEqualTo(hourly);
            assertThat(agent.lastLifecycleIndex()).isEqualTo(2);
        });
        assertThat(expected.highestIndex()).isEqualTo(2);
    }

    @Test
    void stoppedDeletedAndNeverStartedAgentsAreNotExpectedToRun() {
        record("stopped", new AgentCreated("stopped", "user-alice", settings("0 * * * *")), T0);
        record("stopped", new AgentStarted("stopped"), T0);
        record("stopped", new AgentStopped("stopped", StopReason.FAILURE_LIMIT), T0);
        record("deleted", new AgentCreated("deleted", "user-alice", settings("0 * * * *")), T0);
        record("deleted", new AgentStarted("deleted"), T0);
        record("deleted", new AgentDeleted("deleted"), T0);
        record("created", new AgentCreated("created", "user-alice", settings("0 * * * *")), T0);
        record("user-bob", new UserCreated("user-bob", "bob", Role.USER), T0);

        ExpectedAgents expected = ExpectedAgents.replay(store.stream());

        assertThat(expected.running()).isEmpty();
        assertThat(expected.find("stopped")).get().extracting(ExpectedAgent::status).isEqualTo(AgentStatus.STOPPED);
        assertThat(expected.find("deleted")).get().extracting(ExpectedAgent::status).isEqualTo(AgentStatus.DELETED);
        assertThat(expected.find("created")).get().extracting(ExpectedAgent::status).isEqualTo(AgentStatus.STOPPED);
        assertThat(expected.find("user-bob")).isEmpty();
    }

    @Test
    void theScheduleWasLastKnownAliveAtItsLatestScheduledRunAndNotAtAManualOne() {
        Instant scheduledFire = T0.plusSeconds(3600);
        record("a1", new AgentCreated("a1", "user-alice", settings("0 * * * *")), T0);
        record("a1", new AgentStarted("a1"), T0.plusSeconds(5));
        record("a1", ran("a1", RunTrigger.SCHEDULE, scheduledFire), scheduledFire.plusSeconds(40));
        record("a1", ran("a1", RunTrigger.MANUAL, scheduledFire.plusSeconds(900)), scheduledFire.plusSeconds(960));

        ExpectedAgent agent = ExpectedAgents.replay(store.stream()).find("a1").orElseThrow();

        assertThat(agent.firesHandledThrough()).isEqualTo(scheduledFire);
    }

    @Test
    void aSkippedFireAndARestoreAlsoCountAsTheScheduleBeingAlive() {
        Instant skippedFire = T0.plusSeconds(7200);
        Instant restoredAt = skippedFire.plusSeconds(3000);
        record("a1", new AgentCreated("a1", "user-alice", settings("0 * * * *")), T0);
        record("a1", new AgentStarted("a1"), T0);
        record("a1", new AgentRunSkipped("a1", "run-a1-7200", RunTrigger.SCHEDULE, skippedFire, "overlap"), skippedFire);
        assertThat(ExpectedAgents.replay(store.stream()).find("a1").orElseThrow().firesHandledThrough()).isEqualTo(skippedFire);

        record("a1", new AgentScheduleRestored("a1"), restoredAt);

        assertThat(ExpectedAgents.replay(store.stream()).find("a1").orElseThrow().firesHandledThrough()).isEqualTo(restoredAt);
    }

    @Test
    void sameIntentMeansTheSameStatusAndSettings() {
        ExpectedAgent running = new ExpectedAgent("a1", AgentStatus.RUNNING, settings("0 * * * *"), 3, T0);

        assertThat(running.sameIntentAs(new ExpectedAgent("a1", AgentStatus.RUNNING, settings("0 * * * *"), -1, T0.plusSeconds(9))))
                .isTrue();
        assertThat(running.sameIntentAs(new ExpectedAgent("a1", AgentStatus.STOPPED, settings("0 * * * *"), -1, T0))).isFalse();
        assertThat(running.sameIntentAs(new ExpectedAgent("a1", AgentStatus.RUNNING, settings("5 * * * *"), -1, T0))).isFalse();
        assertThat(running.sameIntentAs(null)).isFalse();
    }

    private void record(String aggregateId, Object payload, Instant at) {
        long index = store.size();
        store.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(index),
                new GenericDomainEventMessage<>("Agent", aggregateId, index, payload, Map.of(),
                        UUID.randomUUID().toString(), at)));
    }

    private static AgentRan ran(String agentId, RunTrigger trigger, Instant scheduledAt) {
        return new AgentRan(agentId, "run-" + UUID.randomUUID(), trigger, scheduledAt, scheduledAt.plusSeconds(1),
                scheduledAt.plusSeconds(30), "claude-sonnet-4-5", 10, 20, "done", null);
    }

    private static AgentSettings settings(String cron) {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null,
                new Schedule(cron, "UTC"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.RUN_ONCE, null);
    }
}
