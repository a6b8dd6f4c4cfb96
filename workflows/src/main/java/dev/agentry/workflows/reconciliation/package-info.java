/**
 * Reconciliation: makes Temporal match the events, at startup and on demand (with a dry run that only
 * reports). The events are replayed into the expected state (which agents are RUNNING, with which
 * schedule settings); each RUNNING agent's schedule workflow {@code agent-<id>} is described, and the open
 * schedule workflows are listed (legacy listing, which the in-memory service implements) for the reverse
 * direction.
 *
 * <ul>
 *   <li>Orphan, a RUNNING agent without an open schedule: policy STOP records {@code AgentStopped(ORPHANED)};
 *       RESTORE starts the schedule again from the settings in the events and records
 *       {@code AgentScheduleRestored}. The restored schedule counts fires since it was last known alive (its
 *       start, reconfiguration or restore, or its latest recorded scheduled run) as missed, so the agent's
 *       catch-up policy decides whether one of them runs.</li>
 *   <li>Zombie, an open schedule of an agent that is STOPPED, DELETED or unknown: asked to stop, terminated if
 *       it does not close in time.</li>
 *   <li>Drift, an open schedule whose settings fingerprint differs from the events: sent the settings.</li>
 * </ul>
 *
 * <p>Nothing is concluded from silence: when Temporal cannot be reached (UNAVAILABLE, DEADLINE_EXCEEDED) the
 * report says so and no agent counts as orphaned. A RUNNING agent whose start temporal-sync has not yet
 * applied is awaiting sync, not orphaned. Before each repair the agent's own events are read again, and a
 * repair is left out when the agent changed meanwhile (temporal-sync takes care of the change). Repairs that
 * change an agent are commands sent as {@value dev.agentry.workflows.reconciliation.Reconciliation#ACTOR}.
 */
package dev.agentry.workflows.reconciliation;
