package dev.agentry.workflows.reconciliation;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.RunTrigger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The agents as their events describe them, folded from an event stream in order. */
final class ExpectedAgents {

    /** What the agents' status and settings follow from: the events a replay of the whole store reads. */
    static final Set<Class<?>> LIFECYCLE = Set.of(AgentCreated.class, AgentReconfigured.class,
            AgentStarted.class, AgentStopped.class, AgentDeleted.class, AgentScheduleRestored.class);

    /** Only these events are deserialized; everything else in an agent's stream is skipped by its type. */
    private static final Set<Class<?>> RELEVANT = Set.of(AgentCreated.class, AgentReconfigured.class,
            AgentStarted.class, AgentStopped.class, AgentDeleted.class, AgentScheduleRestored.class,
            AgentRan.class, AgentFailed.class, AgentRunSkipped.class);

    private final Map<String, ExpectedAgent> agents = new LinkedHashMap<>();
    private long highestIndex = -1;

    /**
     * Every agent in the store, from its {@link #LIFECYCLE} events from the first: each agent's
     * {@code firesHandledThrough} then counts its lifecycle only, and a repair, which needs its latest
     * scheduled run too, reads the agent's own stream ({@link #current}).
     */
    static ExpectedAgents replay(Stream<? extends TrackedEventMessage<?>> events) {
        ExpectedAgents expected = new ExpectedAgents();
        events.forEach(event -> {
            long index = event.trackingToken().position().orElse(-1);
            expected.highestIndex = Math.max(expected.highestIndex, index);
            expected.apply(event, index);
        });
        return expected;
    }

    /** One agent as its own events describe it now; empty when it has none (never created). */
    static Optional<ExpectedAgent> current(String agentId, DomainEventStream events) {
        ExpectedAgents expected = new ExpectedAgents();
        while (events.hasNext()) {
            expected.apply(events.next(), -1);
        }
        return expected.find(agentId);
    }

    Collection<ExpectedAgent> all() {
        return agents.values();
    }

    List<ExpectedAgent> running() {
        return agents.values().stream().filter(ExpectedAgent::running).toList();
    }

    Optional<ExpectedAgent> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    /** Global index of the last event read, or -1 for an empty store. */
    long highestIndex() {
        return highestIndex;
    }

    private void apply(EventMessage<?> event, long index) {
        if (!RELEVANT.contains(event.getPayloadType())) {
            return;
        }
        Object payload = event.getPayload();
        Instant at = event.getTimestamp();
        if (payload instanceof AgentCreated created) {
            agents.put(created.agentId(), new ExpectedAgent(created.agentId(), AgentStatus.STOPPED,
                    created.settings(), index, at));
        } else if (payload instanceof AgentReconfigured reconfigured) {
            change(reconfigured.agentId(), index, at, null, reconfigured.settings());
        } else if (payload instanceof AgentStarted started) {
            change(started.agentId(), index, at, AgentStatus.RUNNING, null);
        } else if (payload instanceof AgentStopped stopped) {
            change(stopped.agentId(), index, at, AgentStatus.STOPPED, null);
        } else if (payload instanceof AgentDeleted deleted) {
            change(deleted.agentId(), index, at, AgentStatus.DELETED, null);
        } else if (payload instanceof AgentScheduleRestored restored) {
            change(restored.agentId(), index, at, null, null);
        } else if (payload instanceof AgentRan ran) {
            scheduledRunRecorded(ran.agentId(), ran.trigger(), ran.scheduledAt());
        } else if (payload instanceof AgentFailed failed) {
            scheduledRunRecorded(failed.agentId(), failed.trigger(), failed.scheduledAt());
        } else if (payload instanceof AgentRunSkipped skipped) {
            scheduledRunRecorded(skipped.agentId(), skipped.trigger(), skipped.scheduledAt());
        }
    }

    private void change(String agentId, long index, Instant at, AgentStatus status, AgentSettings settings) {
        agents.computeIfPresent(agentId, (id, agent) -> new ExpectedAgent(id,
                status == null ? agent.status() : status,
                settings == null ? agent.settings() : settings,
                index,
                latest(agent.firesHandledThrough(), at)));
    }

    /** A manual run says nothing about the schedule's fires. */
    private void scheduledRunRecorded(String agentId, RunTrigger trigger, Instant scheduledAt) {
        if (trigger == RunTrigger.MANUAL || scheduledAt == null) {
            return;
        }
        agents.computeIfPresent(agentId, (id, agent) -> new ExpectedAgent(id, agent.status(), agent.settings(),
                agent.lastLifecycleIndex(), latest(agent.firesHandledThrough(), scheduledAt)));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
