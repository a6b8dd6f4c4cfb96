package dev.agentry.query.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunSkipped;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
        return querySide.queryOptional(new FindAgent(agentId, alice.id()), AgentView.class).orElseThrow();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
