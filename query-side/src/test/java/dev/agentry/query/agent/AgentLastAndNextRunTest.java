package dev.agentry.query.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.ListAgents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's last finished run, from its outcome events, and its next run, from its schedule and the clock. */
class AgentLastAndNextRunTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Instant NINE = Instant.parse("2026-11-26T09:00:00Z");

    private QuerySide querySide;
    private Actor alice;

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void theLastRunIsTheOneThatFinishedLatest() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        ran(agentId, "run-1", NINE.plusSeconds(60));
        failed(agentId, "run-2", NINE.plusSeconds(120));

        assertThat(find(agentId).lastRun())
                .isEqualTo(new AgentView.LastRun("run-2", "FAILED", NINE.plusSeconds(120)));
    }

    @Test
    void aRunRecordedAfterALaterOneDoesNotReplaceIt() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        ran(agentId, "run-long", NINE.plusSeconds(1200));
        querySide.agentEvent(agentId, new AgentRunSkipped(agentId, "run-skipped", RunTrigger.SCHEDULE,
                NINE.plusSeconds(300), "OVERLAP"), Actor.SCHEDULER);

        assertThat(find(agentId).lastRun())
                .isEqualTo(new AgentView.LastRun("run-long", "SUCCEEDED", NINE.plusSeconds(1200)));
    }

    @Test
    void aSkippedRunIsTheLastRunWhenItIsTheLatest() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        ran(agentId, "run-1", NINE.plusSeconds(60));
        querySide.agentEvent(agentId, new AgentRunSkipped(agentId, "run-2", RunTrigger.SCHEDULE,
                NINE.plusSeconds(300), "OVERLAP"), Actor.SCHEDULER);

        assertThat(find(agentId).lastRun())
                .isEqualTo(new AgentView.LastRun("run-2", "SKIPPED", NINE.plusSeconds(300)));
    }

    @Test
    void aRunThatHasNotFinishedIsNoLastRun() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        querySide.agentEvent(agentId, new AgentRunRequested(agentId, "run-m1"), alice);

        assertThat(find(agentId).lastRun()).isNull();
    }

    @Test
    void aRunChangesTheVersionButNotWhenTheAgentWasLastUpdated() {
        startAt(NINE);
        String agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("d")), alice);
        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        querySide.agentEvent(agentId, new AgentRunRequested(agentId, "run-m1"), alice);
        ran(agentId, "run-m1", NINE.plusSeconds(60));

        AgentView view = find(agentId);

        assertThat(view.version()).isEqualTo(3);
        assertThat(view.updatedAt()).isEqualTo(started.getTimestamp());
    }

    @Test
    void redeliveredRunEventsChangeNothing() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        DomainEventMessage<?> first = ran(agentId, "run-1", NINE.plusSeconds(60));
        DomainEventMessage<?> second = failed(agentId, "run-2", NINE.plusSeconds(120));
        DomainEventMessage<?> stopped = querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);
        querySide.agentEvent(agentId, new AgentScheduleRestored(agentId), Actor.RECONCILIATION);
        AgentView before = find(agentId);

        querySide.redeliver(second);
        querySide.redeliver(stopped);
        querySide.redeliver(first);

        assertThat(find(agentId)).isEqualTo(before);
        assertThat(before.lastRun().runId()).isEqualTo("run-2");
        assertThat(before.status()).isEqualTo(AgentStatus.STOPPED);
    }

    @Test
    void aRunningScheduledAgentShowsItsNextFireTime() {
        startAt(Instant.parse("2026-11-26T07:30:00Z"));
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));

        // 08:00 on weekdays in Paris, which is UTC+1 in November
        assertThat(find(agentId).nextRunAt()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class))
                .extracting(AgentView::nextRunAt).containsExactly(Instant.parse("2026-11-27T07:00:00Z"));
    }

    @Test
    void aStoppedAgentHasNoNextRun() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);

        assertThat(find(agentId).nextRunAt()).isNull();
    }

    @Test
    void anAgentThatOnlyRunsOnDemandHasNoNextRun() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.manual("helper"));

        assertThat(find(agentId).nextRunAt()).isNull();
    }

    @Test
    void theNextRunFollowsAChangedSchedule() {
        startAt(NINE);
        String agentId = runningAgent(ExampleSettings.scheduled("digest"));
        querySide.agentEvent(agentId, new AgentReconfigured(agentId, withSchedule("*/15 * * * *", "UTC")), alice);

        assertThat(find(agentId).nextRunAt()).isEqualTo(Instant.parse("2026-11-26T09:15:00Z"));
    }

    @Test
    void aDailyRunKeepsItsLocalTimeAcrossTheSpringForwardChange() {
        // Saturday 10:00 in Berlin (UTC+1); clocks go forward on Sunday 29 March 2026
        startAt(Instant.parse("2026-03-28T09:00:00Z"));
        String agentId = runningAgent(withSchedule("0 9 * * *", "Europe/Berlin"));

        assertThat(find(agentId).nextRunAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void aRunInTheHourSkippedBySpringForwardFiresAsMuchLater() {
        // 01:00 in Berlin; at 02:00 the clocks jump to 03:00, so 02:30 does not exist that night
        startAt(Instant.parse("2026-03-29T00:00:00Z"));
        String agentId = runningAgent(withSchedule("30 2 * * *", "Europe/Berlin"));

        assertThat(find(agentId).nextRunAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aRunInTheHourRepeatedByFallBackFiresOnce() {
        // 02:31 summer time in Berlin, just after the first 02:30; the clocks go back at 03:00 to 02:00
        startAt(Instant.parse("2026-10-25T00:31:00Z"));
        String agentId = runningAgent(withSchedule("30 2 * * *", "Europe/Berlin"));

        assertThat(find(agentId).nextRunAt()).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    private void startAt(Instant now) {
        querySide = new QuerySide(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
        alice = new Actor(newId(), "alice-" + newId().substring(0, 8));
        querySide.userEvent(alice.id(), new UserCreated(alice.id(), alice.name(), Role.USER), Actor.NOBODY);
    }

    private String runningAgent(AgentSettings settings) {
        String agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), settings), alice);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        return agentId;
    }

    private DomainEventMessage<?> ran(String agentId, String runId, Instant finishedAt) {
        return querySide.agentEvent(agentId, new AgentRan(agentId, runId, RunTrigger.SCHEDULE, NINE, NINE,
                finishedAt, "claude-sonnet", 10, 20, "done", null), Actor.SCHEDULER);
    }

    private DomainEventMessage<?> failed(String agentId, String runId, Instant finishedAt) {
        return querySide.agentEvent(agentId, new AgentFailed(agentId, runId, RunTrigger.SCHEDULE, NINE, NINE,
                finishedAt, "claude-sonnet", "TIMEOUT", "too slow", 10, 0, null), Actor.SCHEDULER);
    }

    private AgentView find(String agentId) {
        return querySide.queryOptional(new FindAgent(agentId, alice.id()), AgentView.class).orElseThrow();
    }

    private static AgentSettings withSchedule(String cron, String timezone) {
        AgentSettings base = ExampleSettings.scheduled("digest");
        return new AgentSettings(base.name(), base.instructions(), base.tier(), base.model(),
                new Schedule(cron, timezone), base.tools(), base.overlap(), base.catchUp(),
                base.maxConsecutiveFailures());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
