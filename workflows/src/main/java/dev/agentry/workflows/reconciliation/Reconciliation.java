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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Compares the agents' events with their schedule workflows in Temporal and repairs the differences; see the package documentation. */
public class Reconciliation {

    public static final String ACTOR = "system:reconciliation";

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /**
     * @param stopGrace      how long a zombie schedule may take to close on request before it is terminated
     * @param commandTimeout how long a repair waits for the agent to record it
     */
    public record Options(OrphanPolicy orphanPolicy, Duration stopGrace, Duration commandTimeout) {
    }

    private final EventStorageEngine events;
    private final LifecycleEvents lifecycle;
    private final CommandGateway commands;
    private final ScheduleWorkflows temporal;
    private final TemporalSyncProgress syncProgress;
    private final Options options;

    /**
     * @param events    each agent's own stream, read for a repair
     * @param lifecycle the lifecycle events of every agent, read once per reconciliation
     */
    public Reconciliation(EventStorageEngine events, LifecycleEvents lifecycle, CommandGateway commands,
                          WorkflowClient temporal, TemporalSyncProgress syncProgress, Options options) {
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
        try {
            // read before anything is described: a start applied by then is visible to the describe
            long syncedThrough = syncProgress.appliedThrough();
            Set<String> open = temporal.agentsWithOpenSchedules();
            findings.openSchedules = open.size();
            for (ExpectedAgent agent : expected.running()) {
                classify(agent, syncedThrough, findings);
            }
            for (String agentId : open) {
                if (expected.find(agentId).filter(ExpectedAgent::running).isEmpty()) {
                    findings.zombies.add(agentId);
                }
            }
        } catch (TemporalUnavailableException unavailable) {
            findings.unavailable = unavailable.getMessage();
            return finish(findings);
        }
        if (!dryRun) {
            repair(expected, findings);
        }
        return finish(findings);
    }

    private void classify(ExpectedAgent agent, long syncedThrough, Findings findings) {
        ObservedSchedule schedule;
        try {
            schedule = temporal.observe(agent.agentId());
        } catch (TemporalUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException unreadable) {
            findings.errors.add("agent '%s': its schedule could not be read: %s".formatted(agent.agentId(), unreadable.getMessage()));
            return;
        }
        if (!schedule.open()) {
            (agent.lastLifecycleIndex() > syncedThrough ? findings.awaitingSync : findings.orphans).add(agent.agentId());
        } else if (!expectedConfig(agent).fingerprint().equals(schedule.fingerprint())) {
            findings.drifted.add(agent.agentId());
        }
    }

    private void repair(ExpectedAgents expected, Findings findings) {
        try {
            for (String agentId : findings.orphans) {
                attempt(agentId, findings, () -> repairOrphan(expected.find(agentId).orElseThrow(), findings));
            }
            for (String agentId : findings.zombies) {
                attempt(agentId, findings, () -> stopZombie(agentId, findings));
            }
            for (String agentId : findings.drifted) {
                attempt(agentId, findings, () -> correctDrift(expected.find(agentId).orElseThrow(), findings));
            }
        } catch (TemporalUnavailableException unavailable) {
            findings.unavailable = unavailable.getMessage();
        }
    }

    private void repairOrphan(ExpectedAgent agent, Findings findings) {
        Optional<ExpectedAgent> now = unchanged(agent);
        if (now.isEmpty() || temporal.observe(agent.agentId()).open()) {
            log.info("Agent {} changed while being reconciled; left as it is", agent.agentId());
            return;
        }
        if (options.orphanPolicy() == OrphanPolicy.RESTORE) {
            ExpectedAgent current = now.get();
            // fires after the schedule was last known alive count as missed, so the catch-up policy applies
            temporal.start(new ScheduleState(current.agentId(), expectedConfig(current), false,
                    current.firesHandledThrough(), null, null, 0));
            send(new RestoreAgentSchedule(current.agentId()));
            log.warn("Agent {} was RUNNING without a schedule in Temporal: schedule restored", agent.agentId());
        } else {
            send(new StopOrphanedAgent(agent.agentId()));
            log.warn("Agent {} was RUNNING without a schedule in Temporal: stopped as orphaned", agent.agentId());
        }
        findings.repaired.add(agent.agentId());
    }

    /** An agent that was started meanwhile (or created: unknown before) keeps its schedule. */
    private void stopZombie(String agentId, Findings findings) {
        if (current(agentId).filter(ExpectedAgent::running).isPresent()) {
            log.info("Agent {} was started while being reconciled; its schedule stays", agentId);
            return;
        }
        boolean onRequest = temporal.stop(agentId);
        log.warn("Schedule of agent {}, which is not running, {}", agentId, onRequest ? "stopped" : "terminated");
        findings.repaired.add(agentId);
    }

    private void correctDrift(ExpectedAgent agent, Findings findings) {
        Optional<ExpectedAgent> now = unchanged(agent);
        if (now.isEmpty()) {
            log.info("Agent {} changed while being reconciled; left as it is", agent.agentId());
            return;
        }
        temporal.reconfigure(agent.agentId(), expectedConfig(now.get()));
        log.warn("Schedule of agent {} had settings other than its events: corrected", agent.agentId());
        findings.repaired.add(agent.agentId());
    }

    /** Temporal being unreachable ends the repairs; any other failure is reported for the agent alone. */
    private static void attempt(String agentId, Findings findings, Runnable repair) {
        try {
            repair.run();
        } catch (TemporalUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException failed) {
            log.warn("Agent {} could not be repaired", agentId, failed);
            findings.errors.add("agent '%s': not repaired: %s".formatted(agentId, failed.getMessage()));
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
