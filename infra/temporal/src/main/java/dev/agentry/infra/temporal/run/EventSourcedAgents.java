package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.BudgetDay;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agent's owner and settings read from its own events, so a run sees the settings it was started under
 * even when the read models lag behind; and the tokens its recorded runs used on one day, so that every node
 * and every restart counts the daily budget the same way.
 */
@Component
class EventSourcedAgents {

    /** Every timezone's day holding an instant lies within this much of it. */
    private static final Duration ANY_DAY_AROUND = Duration.ofDays(2);

    /**
     * An agent that exists and is not deleted.
     *
     * @param tokensUsedOnDay input and output tokens of its recorded runs that started on the {@link BudgetDay}
     *                        asked about, in the timezone its settings have now
     */
    record LiveAgent(String ownerId, AgentSettings settings, long tokensUsedOnDay) {
    }

    private record RunTokens(Instant startOfRun, long tokens) {
    }

    /** What tells the owner, the settings and whether the agent is gone: read whatever their age. */
    private static final List<String> LIFECYCLE = List.of(AgentCreated.class.getName(),
            AgentReconfigured.class.getName(), AgentDeleted.class.getName());
    /** Read only when recorded near the day asked about: most of an agent's events, and they only grow. */
    private static final List<String> OUTCOMES = List.of(AgentRan.class.getName(), AgentFailed.class.getName());
    /** A run is recorded after it starts, so one that started within ANY_DAY_AROUND was recorded since this. */
    private static final Duration RECORDED_SINCE = ANY_DAY_AROUND.plusDays(1);

    private final JdbcClient jdbc;
    private final Serializer eventSerializer;

    EventSourcedAgents(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** Empty for an unknown or deleted agent; its usage counted on the budget day that holds {@code dayOf}. */
    Optional<LiveAgent> find(String agentId, Instant dayOf) {
        String ownerId = null;
        AgentSettings settings = null;
        // the timezone is known only at the end: keep the runs near enough to belong to the day in any of them
        List<RunTokens> runsNearby = new ArrayList<>();
        for (Object event : lifecycleAndRecentOutcomes(agentId, dayOf)) {
            if (event instanceof AgentCreated created) {
                ownerId = created.ownerId();
                settings = created.settings();
            } else if (event instanceof AgentReconfigured reconfigured) {
                settings = reconfigured.settings();
            } else if (event instanceof AgentDeleted) {
                return Optional.empty();
            } else if (event instanceof AgentRan ran) {
                keepIfNearby(runsNearby, dayOf, ran.trigger().startOfRun(ran.scheduledAt(), ran.startedAt()),
                        ran.inputTokens() + ran.outputTokens());
            } else if (event instanceof AgentFailed failed) {
                keepIfNearby(runsNearby, dayOf, failed.trigger().startOfRun(failed.scheduledAt(), failed.startedAt()),
                        failed.inputTokens() + failed.outputTokens());
            }
        }
        if (ownerId == null) {
            return Optional.empty();
        }
        BudgetDay day = BudgetDay.of(dayOf, settings.schedule());
        long used = runsNearby.stream().filter(run -> day.contains(run.startOfRun())).mapToLong(RunTokens::tokens).sum();
        return Optional.of(new LiveAgent(ownerId, settings, used));
    }

    /**
     * Straight from the event table rather than the aggregate's stream: a snapshot would hide the events that
     * carry the owner and settings, and PostgreSQL leaves out the old runs, so a run of an agent with months of
     * runs behind it reads as few events as a new one's. The time stamps are ISO-8601 in UTC, so a day's date
     * compares as text with every one of them; the day asked about may lie ahead of the clock (a catch-up run,
     * a workflow's time), so the earlier of the two bounds the read.
     */
    private List<Object> lifecycleAndRecentOutcomes(String agentId, Instant dayOf) {
        Instant earlier = dayOf.isBefore(Instant.now()) ? dayOf : Instant.now();
        String since = LocalDate.ofInstant(earlier.minus(RECORDED_SINCE), ZoneOffset.UTC).toString();
        return jdbc.sql("""
                        SELECT payload_type, payload_revision, payload FROM domain_event_entry
                        WHERE aggregate_identifier = :agentId
                          AND (payload_type IN (:lifecycle) OR (payload_type IN (:outcomes) AND time_stamp >= :since))
                        ORDER BY sequence_number
                        """)
                .param("agentId", agentId)
                .param("lifecycle", LIFECYCLE)
                .param("outcomes", OUTCOMES)
                .param("since", since)
                .query((row, rowNumber) -> eventSerializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision"))))
                .list();
    }

    private static void keepIfNearby(List<RunTokens> runs, Instant dayOf, Instant startOfRun, long tokens) {
        if (startOfRun != null && Duration.between(startOfRun, dayOf).abs().compareTo(ANY_DAY_AROUND) < 0) {
            runs.add(new RunTokens(startOfRun, tokens));
        }
    }
}
