package dev.agentry.query.run;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
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
import dev.agentry.query.api.FindRun;
import dev.agentry.query.api.ListRuns;
import dev.agentry.query.api.RunView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunHistoryProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");

    private QuerySide querySide;
    private Actor alice;
    private Actor bob;
    private String agentId;
    private DomainEventMessage<?> agentCreated;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
        alice = createUser("alice");
        bob = createUser("bob");
        agentId = newId();
        agentCreated = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void aManualRunIsRunningFromItsRequestUntilItsOutcomeCompletesIt() {
        DomainEventMessage<?> requested = querySide.agentEvent(agentId, new AgentRunRequested(agentId, run("m1")), alice);

        RunView running = findRun(run("m1"), alice);
        assertThat(running).isEqualTo(new RunView(run("m1"), agentId, RunTrigger.MANUAL, "RUNNING", null,
                requested.getTimestamp(), null, null, 0, 0, null, null, null, null));

        Instant began = requested.getTimestamp().plusSeconds(1);
        querySide.agentEvent(agentId, new AgentRan(agentId, run("m1"), RunTrigger.MANUAL, requested.getTimestamp(),
                began, began.plusSeconds(40), "claude-sonnet", 1200, 340, "Posted the digest", "t/run-m1.json"),
                Actor.SCHEDULER);

        assertThat(listRuns(alice, 20)).containsExactly(new RunView(run("m1"), agentId, RunTrigger.MANUAL, "SUCCEEDED",
                requested.getTimestamp(), began, began.plusSeconds(40), "claude-sonnet", 1200, 340,
                "Posted the digest", null, null, "t/run-m1.json"));
    }

    @Test
    void aScheduledRunStartsAtTheFireTimeItBelongsTo() {
        querySide.agentEvent(agentId, new AgentRan(agentId, run("s1"), RunTrigger.SCHEDULE, FIRE,
                FIRE.plusSeconds(3), FIRE.plusSeconds(50), "gpt-large", 10, 20, "done", null), Actor.SCHEDULER);

        RunView run = findRun(run("s1"), alice);

        assertThat(run.startedAt()).isEqualTo(FIRE);
        assertThat(run.scheduledAt()).isEqualTo(FIRE);
        assertThat(run.finishedAt()).isEqualTo(FIRE.plusSeconds(50));
        assertThat(run.outcome()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedRunShowsItsErrorAndTheTokensItUsed() {
        querySide.agentEvent(agentId, new AgentFailed(agentId, run("c1"), RunTrigger.CATCH_UP, FIRE,
                FIRE.plusSeconds(600), FIRE.plusSeconds(660), null, "RATE_LIMITED", "rate limited 3 times", 80, 0,
                "t/run-c1.json"), Actor.SCHEDULER);

        assertThat(findRun(run("c1"), alice)).isEqualTo(new RunView(run("c1"), agentId, RunTrigger.CATCH_UP, "FAILED",
                FIRE, FIRE, FIRE.plusSeconds(660), null, 80, 0, null, "RATE_LIMITED", "rate limited 3 times",
                "t/run-c1.json"));
    }

    @Test
    void aSkippedRunStartsAndEndsWhenItWasSkipped() {
        querySide.agentEvent(agentId, new AgentRunSkipped(agentId, run("s2"), RunTrigger.SCHEDULE, FIRE, "OVERLAP"),
                Actor.SCHEDULER);

        assertThat(findRun(run("s2"), alice)).isEqualTo(new RunView(run("s2"), agentId, RunTrigger.SCHEDULE, "SKIPPED",
                FIRE, FIRE, FIRE, null, 0, 0, null, null, null, null));
    }

    @Test
    void runsAreListedNewestFirstWithRunsOfTheSameStartByRunIdDescending() {
        ran(run("b"), FIRE.plusSeconds(3600));
        ran(run("a"), FIRE);
        skipped(run("tie-1"), FIRE.plusSeconds(7200));
        ran(run("tie-2"), FIRE.plusSeconds(7200));
        ran(run("c"), FIRE.plusSeconds(1800));

        assertThat(listRuns(alice, 20)).extracting(RunView::runId)
                .containsExactly(run("tie-2"), run("tie-1"), run("b"), run("c"), run("a"));
        assertThat(listRuns(alice, 2)).extracting(RunView::runId).containsExactly(run("tie-2"), run("tie-1"));
        assertThat(listRuns(alice, 0)).isEmpty();
    }

    @Test
    void onlyTheAgentsOwnRunsAreListed() {
        String otherAgent = createAgent(alice);
        ran(run("1"), FIRE);
        querySide.agentEvent(otherAgent, new AgentRan(otherAgent, run("other"), RunTrigger.SCHEDULE, FIRE, FIRE,
                FIRE.plusSeconds(1), "m", 1, 1, "s", null), Actor.SCHEDULER);

        assertThat(listRuns(alice, 20)).extracting(RunView::runId).containsExactly(run("1"));
    }

    @Test
    void aRunThatFinishedAfterTheAgentStoppedIsListed() {
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);
        ran(run("late"), FIRE);

        assertThat(listRuns(alice, 20)).extracting(RunView::runId).containsExactly(run("late"));
    }

    @Test
    void anotherUsersRunsAreNeitherListedNorFound() {
        ran(run("1"), FIRE);

        assertThat(listRuns(bob, 20)).isEmpty();
        assertThat(querySide.queryOptional(new FindRun(run("1"), bob.id()), RunView.class)).isEmpty();
        assertThat(findRun(run("1"), alice)).isNotNull();
    }

    @Test
    void theRunsOfADeletedAgentAreHidden() {
        ran(run("1"), FIRE);
        querySide.agentEvent(agentId, new AgentDeleted(agentId), alice);

        assertThat(listRuns(alice, 20)).isEmpty();
        assertThat(querySide.queryOptional(new FindRun(run("1"), alice.id()), RunView.class)).isEmpty();
    }

    @Test
    void anUnknownRunIsNotFound() {
        ran(run("1"), FIRE);

        assertThat(querySide.queryOptional(new FindRun(run("unknown"), alice.id()), RunView.class)).isEmpty();
        assertThat(querySide.query(new FindRun(run("unknown"), alice.id()), RunView.class)).isNull();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        DomainEventMessage<?> requested = querySide.agentEvent(agentId, new AgentRunRequested(agentId, run("m1")), alice);
        DomainEventMessage<?> outcome = querySide.agentEvent(agentId, new AgentFailed(agentId, run("m1"),
                RunTrigger.MANUAL, FIRE, FIRE.plusSeconds(1), FIRE.plusSeconds(9), "m", "TIMEOUT", "too slow", 5, 6,
                null), Actor.SCHEDULER);
        DomainEventMessage<?> skip = skipped(run("s1"), FIRE.plusSeconds(60));
        List<RunView> before = listRuns(alice, 20);

        querySide.redeliver(outcome);
        querySide.redeliver(requested);
        querySide.redeliver(skip);

        assertThat(listRuns(alice, 20)).isEqualTo(before).hasSize(2);
        assertThat(findRun(run("m1"), alice).outcome()).isEqualTo("FAILED");
    }

    @Test
    void resetForgetsEveryRunAndAReplayRebuildsThem() {
        DomainEventMessage<?> requested = querySide.agentEvent(agentId, new AgentRunRequested(agentId, run("m1")), alice);
        DomainEventMessage<?> ran = ran(run("s1"), FIRE);
        List<RunView> before = listRuns(alice, 20);

        querySide.reset("run-history");

        assertThat(database.jdbc().sql("SELECT (SELECT count(*) FROM agent_runs) + (SELECT count(*) FROM agent_run_owners)")
                .query(Long.class).single()).isZero();
        assertThat(listRuns(alice, 20)).isEmpty();

        querySide.redeliver(agentCreated);
        querySide.redeliver(requested);
        querySide.redeliver(ran);
        assertThat(listRuns(alice, 20)).isEqualTo(before).hasSize(2);
    }

    @Test
    void aRunOfAnAgentWhoseCreationThisHistoryNeverSawFailsRatherThanVanish() {
        String unseen = newId();

        assertThatThrownBy(() -> querySide.agentEvent(unseen, new AgentRan(unseen, run("x"), RunTrigger.SCHEDULE, FIRE,
                FIRE, FIRE.plusSeconds(1), "m", 1, 1, "s", null), Actor.SCHEDULER))
                .hasMessageContaining("projection failed on AgentRan");
    }

    /** Run ids are unique across agents, and so across the tests that share this database. */
    private String run(String name) {
        return "run-" + agentId + "-" + name;
    }

    private DomainEventMessage<?> ran(String runId, Instant fire) {
        return querySide.agentEvent(agentId, new AgentRan(agentId, runId, RunTrigger.SCHEDULE, fire,
                fire.plusSeconds(2), fire.plusSeconds(30), "claude-sonnet", 100, 50, "summary of " + runId, null),
                Actor.SCHEDULER);
    }

    private DomainEventMessage<?> skipped(String runId, Instant fire) {
        return querySide.agentEvent(agentId, new AgentRunSkipped(agentId, runId, RunTrigger.SCHEDULE, fire, "OVERLAP"),
                Actor.SCHEDULER);
    }

    private List<RunView> listRuns(Actor asker, int limit) {
        return querySide.queryList(new ListRuns(agentId, asker.id(), limit), RunView.class);
    }

    private RunView findRun(String runId, Actor asker) {
        return querySide.queryOptional(new FindRun(runId, asker.id()), RunView.class).orElseThrow();
    }

    private Actor createUser(String username) {
        Actor user = new Actor(newId(), username + "-" + newId().substring(0, 8));
        querySide.userEvent(user.id(), new UserCreated(user.id(), user.name(), Role.USER), Actor.NOBODY);
        return user;
    }

    private String createAgent(Actor owner) {
        String id = newId();
        querySide.agentEvent(id, new AgentCreated(id, owner.id(), ExampleSettings.scheduled("digest")), owner);
        return id;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
