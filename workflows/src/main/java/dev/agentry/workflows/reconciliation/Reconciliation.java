package dev.agentry.workflows.reconciliation;

import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RestoreAgentSchedule;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.client.WorkflowClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Compares the agents' events with their schedule workflows in Temporal and repairs the differences; see the package documentation. */
public class Reconciliation {

    public static final String ACTOR = "system:reconciliation";

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /**
     * @param stopGrace      how long a zombie schedule may take to close on request before it is terminated
     * @param commandTimeout how long a repair waits for the agent to record it
     * @param concurrency    how many schedules are described, or repairs made, at a time
     */
    public record Options(OrphanPolicy orphanPolicy, Duration stopGrace, Duration commandTimeout, int concurrency) {

        public static final int DEFAULT_CONCURRENCY = 8;

        public Options {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1 (got " + concurrency + ")");
            }
        }

        public Options(OrphanPolicy orphanPolicy, Duration stopGrace, Duration commandTimeout) {
            this(orphanPolicy, stopGrace, commandTimeout, DEFAULT_CONCURRENCY);
        }
    }

    private final EventStorageEngine events;
    private final LifecycleEvents lifecycle;
    private final CommandGateway commands;
    private final ScheduleWorkflows temporal;
    private final TemporalSyncProgress syncProgress;
    private final Options options;
    private final RepairListener repairs;

    /**
     * @param events    each agent's own stream, read for a repair
     * @param lifecycle the lifecycle events of every agent, read once per reconciliation
     */
    public Reconciliation(EventStorageEngine events, LifecycleEvents lifecycle, CommandGateway commands,
                          WorkflowClient temporal, TemporalSyncProgress syncProgress, Options options) {
        this(events, lifecycle, commands, temporal, syncProgress, options, RepairListener.NONE);
    }

    /** @param repairs told of each repair once it is made (never in a dry run) */
    public Reconciliation(EventStorageEngine events, LifecycleEvents lifecycle, CommandGateway commands,
                          WorkflowClient temporal, TemporalSyncProgress syncProgress, Options options,
                          RepairListener repairs) {
        this.repairs = repairs;
        this.events = events;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.temporal = new ScheduleWorkflows(temporal, options.stopGrace());
        this.syncProgress = syncProgress;
        this.options = options;
    }

    public OrphanPolicy orphanPolicy() {
        return options.orphanPolicy();
    }

    /** One run at a time, so that a run on demand does not repair what a run at startup is repairing. */
    public synchronized ReconciliationReport reconcile(boolean dryRun) {
        ExpectedAgents expected;
        try (Stream<? extends TrackedEventMessage<?>> stream = lifecycle.readAll(ExpectedAgents.LIFECYCLE)) {
            expected = ExpectedAgents.replay(stream);
        }
        Findings findings = new Findings(dryRun, expected.running().size());
        try (SeveralAtATime severalAtATime = new SeveralAtATime(options.concurrency())) {
            try {
                // read before the listing: a start applied by then is in it
                long syncedThrough = syncProgress.appliedThrough();
                Map<String, String> open = temporal.openSchedules();
                findings.openSchedules = open.size();
                classify(expected.running(), open, syncedThrough, findings, severalAtATime);
                for (String agentId : open.keySet()) {
                    if (expected.find(agentId).filter(ExpectedAgent::running).isEmpty()) {
                        findings.zombies.add(agentId);
                    }
                }
            } catch (TemporalUnavailableException unavailable) {
                findings.unavailable = unavailable.getMessage();
                return finish(findings);
            }
            if (!dryRun) {
                repair(expected, findings, severalAtATime);
            }
        }
        return finish(findings);
    }

    /**
     * An agent missing from the listing has no open schedule; a listed one is compared by the fingerprint in
     * its memo, and only a schedule listed without one is described (and, without a memo, queried).
     */
    private void classify(Collection<ExpectedAgent> running, Map<String, String> open, long syncedThrough,
                          Findings findings, SeveralAtATime severalAtATime) {
        List<String> listedWithoutFingerprint = running.stream().map(ExpectedAgent::agentId)
                .filter(agentId -> open.containsKey(agentId) && open.get(agentId) == null).toList();
        SeveralAtATime.Results<Observation> observed = severalAtATime.each(listedWithoutFingerprint, this::observe);
        if (observed.unavailable() != null) {
            throw observed.unavailable();
        }
        Map<String, Observation> observations = new HashMap<>();
        observed.done().forEach(observation -> observations.put(observation.agentId(), observation));
        for (ExpectedAgent agent : running) {
            Observation observation = observations.get(agent.agentId());
            if (observation != null && observation.error() != null) {
                findings.errors.add("agent '%s': its schedule could not be read: %s".formatted(agent.agentId(), observation.error()));
                continue;
            }
            boolean isOpen = observation == null ? open.containsKey(agent.agentId()) : observation.schedule().open();
            String fingerprint = observation == null ? open.get(agent.agentId()) : observation.schedule().fingerprint();
            if (!isOpen) {
                (agent.lastLifecycleIndex() > syncedThrough ? findings.awaitingSync : findings.orphans).add(agent.agentId());
            } else if (!expectedConfig(agent).fingerprint().equals(fingerprint)) {
                findings.drifted.add(agent.agentId());
            }
        }
    }

    /** @param error why the schedule could not be read, or null */
    private record Observation(String agentId, ObservedSchedule schedule, String error) {
    }

    private Observation observe(String agentId) {
        try {
            return new Observation(agentId, temporal.observe(agentId), null);
        } catch (TemporalUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException unreadable) {
            return new Observation(agentId, null, unreadable.getMessage());
        }
    }

    /**
     * Several repairs at a time, each of one agent; they are reported in the order of the findings (orphans,
     * zombies, drift), whichever ends first.
     */
    private void repair(ExpectedAgents expected, Findings findings, SeveralAtATime severalAtATime) {
        List<Supplier<Repair>> repairs = new ArrayList<>();
        for (String agentId : findings.orphans) {
            repairs.add(() -> attempt(agentId, () -> repairOrphan(expected.find(agentId).orElseThrow())));
        }
        for (String agentId : findings.zombies) {
            repairs.add(() -> attempt(agentId, () -> stopZombie(agentId)));
        }
        for (String agentId : findings.drifted) {
            repairs.add(() -> attempt(agentId, () -> correctDrift(expected.find(agentId).orElseThrow())));
        }
        SeveralAtATime.Results<Repair> made = severalAtATime.each(repairs, Supplier::get);
        for (Repair repair : made.done()) {
            if (repair.error() != null) {
                findings.errors.add(repair.error());
            } else if (repair.kind() != null) {
                repaired(repair.agentId(), repair.kind(), findings);
            }
        }
        if (made.unavailable() != null) {
            findings.unavailable = made.unavailable().getMessage();
        }
    }

    /**
     * @param kind  what was repaired, or null when the agent was left as it is
     * @param error why it could not be repaired, or null
     */
    private record Repair(String agentId, RepairKind kind, String error) {
    }

    private RepairKind repairOrphan(ExpectedAgent agent) {
        Optional<ExpectedAgent> now = unchanged(agent);
        if (now.isEmpty() || temporal.isOpen(agent.agentId())) {
            log.info("Agent {} changed while being reconciled; left as it is", agent.agentId());
            return null;
        }
        if (options.orphanPolicy() == OrphanPolicy.RESTORE) {
            ExpectedAgent current = now.get();
            // fires after the schedule was last known alive count as missed, so the catch-up policy applies
            temporal.start(new ScheduleState(current.agentId(), expectedConfig(current), false,
                    current.firesHandledThrough(), null, null, 0));
            send(new RestoreAgentSchedule(current.agentId()));
            log.warn("Agent {} was RUNNING without a schedule in Temporal: schedule restored", agent.agentId());
            return RepairKind.ORPHAN_RESTORED;
        }
        send(new StopOrphanedAgent(agent.agentId()));
        log.warn("Agent {} was RUNNING without a schedule in Temporal: stopped as orphaned", agent.agentId());
        return RepairKind.ORPHAN_STOPPED;
    }

    /** An agent that was started meanwhile (or created: unknown before) keeps its schedule. */
    private RepairKind stopZombie(String agentId) {
        if (current(agentId).filter(ExpectedAgent::running).isPresent()) {
            log.info("Agent {} was started while being reconciled; its schedule stays", agentId);
            return null;
        }
        boolean onRequest = temporal.stop(agentId);
        log.warn("Schedule of agent {}, which is not running, {}", agentId, onRequest ? "stopped" : "terminated");
        return RepairKind.ZOMBIE_STOPPED;
    }

    private RepairKind correctDrift(ExpectedAgent agent) {
        Optional<ExpectedAgent> now = unchanged(agent);
        if (now.isEmpty()) {
            log.info("Agent {} changed while being reconciled; left as it is", agent.agentId());
            return null;
        }
        temporal.reconfigure(agent.agentId(), expectedConfig(now.get()));
        log.warn("Schedule of agent {} had settings other than its events: corrected", agent.agentId());
        return RepairKind.DRIFT_CORRECTED;
    }

    private void repaired(String agentId, RepairKind kind, Findings findings) {
        findings.repaired.add(agentId);
        try {
            repairs.repaired(kind);
        } catch (RuntimeException unrecorded) {
            // the repair is made and reported; only its count is lost
            log.warn("Repair of agent {} ({}) could not be counted", agentId, kind.wireName(), unrecorded);
        }
    }

    /** Temporal being unreachable ends the repairs; any other failure is reported for the agent alone. */
    private static Repair attempt(String agentId, Supplier<RepairKind> repair) {
        try {
            return new Repair(agentId, repair.get(), null);
        } catch (TemporalUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException failed) {
            log.warn("Agent {} could not be repaired", agentId, failed);
            return new Repair(agentId, null, "agent '%s': not repaired: %s".formatted(agentId, failed.getMessage()));
        }
    }

    /** The agent as its events say now, if its status and settings are still those found. */
    private Optional<ExpectedAgent> unchanged(ExpectedAgent found) {
        return current(found.agentId()).filter(found::sameIntentAs);
    }

    private Optional<ExpectedAgent> current(String agentId) {
        // from 0 rather than the latest snapshot, which would hide the events that carry the settings
        return ExpectedAgents.current(agentId, events.readEvents(agentId, 0));
    }

    private static ScheduleConfig expectedConfig(ExpectedAgent agent) {
        return ScheduleFingerprint.configOf(agent.settings());
    }

    private void send(Object command) {
        try {
            commands.send(MessageMetadata.sentBy(command, ACTOR, ACTOR))
                    .get(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the repair", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the repair was not confirmed within " + options.commandTimeout(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private ReconciliationReport finish(Findings findings) {
        ReconciliationReport report = findings.report(options.orphanPolicy());
        if (report.temporalAvailable() && report.errors().isEmpty()) {
            log.info("Reconciliation: {}", report.summary());
        } else {
            log.warn("Reconciliation: {}", report.summary());
        }
        return report;
    }

    private static final class Findings {
        private final boolean dryRun;
        private final int runningAgents;
        private int openSchedules;
        private String unavailable;
        private final List<String> orphans = new ArrayList<>();
        private final List<String> zombies = new ArrayList<>();
        private final List<String> drifted = new ArrayList<>();
        private final List<String> awaitingSync = new ArrayList<>();
        private final List<String> repaired = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        private Findings(boolean dryRun, int runningAgents) {
            this.dryRun = dryRun;
            this.runningAgents = runningAgents;
        }

        private ReconciliationReport report(OrphanPolicy policy) {
            return new ReconciliationReport(dryRun, policy, unavailable, runningAgents, openSchedules,
                    orphans, zombies, drifted, awaitingSync, repaired, errors);
        }
    }
}
