package dev.agentry.workflows.reconciliation;

import java.util.List;

/**
 * What one reconciliation found and did. In a dry run the findings are the same and nothing is repaired.
 *
 * @param unavailable   why Temporal could not be consulted, or null when it answered; when set, the
 *                      findings are incomplete and no agent was treated as orphaned for lack of an answer
 * @param runningAgents agents RUNNING according to the events
 * @param openSchedules open schedule workflows in Temporal
 * @param orphans       RUNNING agents without an open schedule workflow
 * @param zombies       open schedule workflows of agents that are STOPPED, DELETED or unknown
 * @param drifted       open schedule workflows whose settings differ from the events
 * @param awaitingSync  RUNNING agents without a schedule whose start temporal-sync has not applied yet:
 *                      left alone, as the schedule is on its way
 * @param repaired      agents whose Temporal state or status was changed by this run
 * @param errors        findings that could not be checked or repaired, one sentence each
 */
public record ReconciliationReport(
        boolean dryRun,
        OrphanPolicy orphanPolicy,
        String unavailable,
        int runningAgents,
        int openSchedules,
        List<String> orphans,
        List<String> zombies,
        List<String> drifted,
        List<String> awaitingSync,
        List<String> repaired,
        List<String> errors) {

    public ReconciliationReport {
        orphans = List.copyOf(orphans);
        zombies = List.copyOf(zombies);
        drifted = List.copyOf(drifted);
        awaitingSync = List.copyOf(awaitingSync);
        repaired = List.copyOf(repaired);
        errors = List.copyOf(errors);
    }

    public boolean temporalAvailable() {
        return unavailable == null;
    }

    /** Everything was found and, unless a dry run, repaired. */
    public boolean complete() {
        return temporalAvailable() && awaitingSync.isEmpty() && errors.isEmpty();
    }

    public String summary() {
        String findings = "%d orphaned, %d zombie, %d drifted, %d awaiting sync; %d repaired, %d errors".formatted(
                orphans.size(), zombies.size(), drifted.size(), awaitingSync.size(), repaired.size(), errors.size());
        return (dryRun ? "dry run: " : "") + (unavailable == null ? findings : unavailable + "; " + findings);
    }
}
