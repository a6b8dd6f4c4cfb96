package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.BudgetDay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
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

    private final EventStore events;

    EventSourcedAgents(EventStore events) {
        this.events = events;
    }

    /** Empty for an unknown or deleted agent; its usage counted on the budget day that holds {@code dayOf}. */
    Optional<LiveAgent> find(String agentId, Instant dayOf) {
        String ownerId = null;
        AgentSettings settings = null;
        // the timezone is known only at the end: keep the runs near enough to belong to the day in any of them
        List<RunTokens> runsNearby = new ArrayList<>();
        // from 0 rather than readEvents(id): a snapshot would hide the events that carry the owner and settings
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(agentId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
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

    private static void keepIfNearby(List<RunTokens> runs, Instant dayOf, Instant startOfRun, long tokens) {
        if (startOfRun != null && Duration.between(startOfRun, dayOf).abs().compareTo(ANY_DAY_AROUND) < 0) {
            runs.add(new RunTokens(startOfRun, tokens));
        }
    }
}
