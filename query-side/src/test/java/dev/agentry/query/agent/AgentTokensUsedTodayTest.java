package dev.agentry.query.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.ListAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Today's token usage of an agent: its runs that started on today's date in the agent's timezone. */
class AgentTokensUsedTodayTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    // the example agent's schedule is in Europe/Paris, UTC+1 in November: 26 November there is 25 Nov 23:00Z to 26 Nov 23:00Z
    private static final Instant PARIS_MORNING = Instant.parse("2026-11-26T07:00:00Z");
    private static final Instant PARIS_LATE_EVENING = Instant.parse("2026-11-26T22:30:00Z");

    private QuerySide querySide;
    private Actor alice;
    private String agentId;

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void theRunsThatStartedTodayInTheAgentsTimezoneAreSummedInputAndOutput() {
        at(PARIS_LATE_EVENING);
        // 25 November 23:30 in Paris: yesterday, although it is 26 November in UTC
        ran("run-yesterday", Instant.parse("2026-11-25T22:30:00Z"), 1_000, 1_000);
        ran("run-morning", PARIS_MORNING, 120, 30);
        failed("run-noon", Instant.parse("2026-11-26T11:00:00Z"), 40, 10);
        querySide.agentEvent(agentId, new AgentRunSkipped(agentId, agentId + "-skipped", RunTrigger.SCHEDULE,
                Instant.parse("2026-11-26T12:00:00Z"), "BUDGET"), Actor.SCHEDULER);

        assertThat(find().tokensUsedToday()).isEqualTo(200);
        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class))
                .extracting(AgentView::tokensUsedToday).containsExactly(200L);
    }

    @Test
    void aScheduledRunCountsOnTheDayOfItsFireTimeEvenWhenItFinishedAfterMidnight() {
        at(Instant.parse("2026-11-26T23:30:00Z"));
        // fired at 23:50 on 26 November in Paris, finished at 00:20 on the 27th
        querySide.agentEvent(agentId, new AgentRan(agentId, agentId + "-late", RunTrigger.SCHEDULE,
                Instant.parse("2026-11-26T22:50:00Z"), Instant.parse("2026-11-26T22:50:00Z"),
                Instant.parse("2026-11-26T23:20:00Z"), "claude-sonnet", 300, 50, "done", null), Actor.SCHEDULER);

        assertThat(find().tokensUsedToday()).isZero();
    }

    @Test
    void theNextDayStartsAtNothing() {
        at(PARIS_LATE_EVENING);
        ran("run-morning", PARIS_MORNING, 120, 30);
        assertThat(find().tokensUsedToday()).isEqualTo(150);
        querySide.close();

        querySide = new QuerySide(database.dataSource(), Clock.fixed(Instant.parse("2026-11-26T23:00:00Z"), ZoneOffset.UTC));

        assertThat(find().tokensUsedToday()).isZero();
    }

    @Test
    void aPageOfAgentsInSeveralTimezonesGetsEachAgentsOwnDay() {
        at(PARIS_LATE_EVENING);
        String parisAgent = agentId;
        ran("run-yesterday", Instant.parse("2026-11-25T22:30:00Z"), 1_000, 1_000);
        ran("run-morning", PARIS_MORNING, 120, 30);
        // no schedule: the UTC day, 26 November 00:00Z to 27 November 00:00Z
        String manualAgent = agent(ExampleSettings.manual("on-demand"));
        ran("run-paris-today-utc-yesterday", Instant.parse("2026-11-25T23:30:00Z"), 500, 500);
        ran("run-utc-evening", Instant.parse("2026-11-26T22:00:00Z"), 7, 3);
        // already 27 November in Tokyo (UTC+9): 26 November 15:00Z to 27 November 15:00Z
        String tokyoAgent = agent(new AgentSettings("tokyo", "Summarise the Nikkei", ReasoningTier.STANDARD, null,
                new Schedule("0 8 * * *", "Asia/Tokyo"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null));
        ran("run-tokyo-yesterday", PARIS_MORNING, 300, 300);
        ran("run-tokyo-today", Instant.parse("2026-11-26T16:00:00Z"), 40, 2);
        String idleAgent = agent(ExampleSettings.scheduled("idle"));

        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class))
                .extracting(AgentView::agentId, AgentView::tokensUsedToday)
                .containsExactlyInAnyOrder(tuple(parisAgent, 150L), tuple(manualAgent, 10L), tuple(tokyoAgent, 42L),
                        tuple(idleAgent, 0L));
        assertThat(querySide.queryList(new ListAgents(alice.id(), null, null, null, 2), AgentView.class))
                .hasSize(2).allSatisfy(agent -> assertThat(agent.tokensUsedToday())
                        .isEqualTo(find(agent.agentId()).tokensUsedToday()));
    }

    private void at(Instant now) {
        querySide = new QuerySide(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
        alice = new Actor(newId(), "alice-" + newId().substring(0, 8));
        querySide.userEvent(alice.id(), new UserCreated(alice.id(), alice.name(), Role.USER), Actor.NOBODY);
        agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
    }

    /** Run ids are unique across the tests, which share the database. */
    private void ran(String run, Instant fire, long in, long out) {
        querySide.agentEvent(agentId, new AgentRan(agentId, agentId + "-" + run, RunTrigger.SCHEDULE, fire, fire,
                fire.plusSeconds(60), "claude-sonnet", in, out, "done", null), Actor.SCHEDULER);
    }

    private void failed(String run, Instant fire, long in, long out) {
        querySide.agentEvent(agentId, new AgentFailed(agentId, agentId + "-" + run, RunTrigger.SCHEDULE, fire, fire,
                fire.plusSeconds(60), "claude-sonnet", "BUDGET_EXCEEDED", "over budget", in, out, null), Actor.SCHEDULER);
    }

    private AgentView find() {
        return find(agentId);
    }

    private AgentView find(String agent) {
        return querySide.queryOptional(new FindAgent(agent, alice.id()), AgentView.class).orElseThrow();
    }

    /** Another agent of alice's, which the following runs belong to. */
    private String agent(AgentSettings settings) {
        agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), settings), alice);
        return agentId;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
