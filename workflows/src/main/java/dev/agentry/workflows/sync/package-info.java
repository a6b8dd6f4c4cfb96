/**
 * temporal-sync: applies the agents' lifecycle events to Temporal, in event order, from a tracking
 * processor of its own. The event store is the outbox: an event counts as applied only once Temporal
 * took it, and while Temporal is unreachable the handler throws so that the processor retries the
 * event with backoff (the platform's error handler never skips one).
 *
 * <ul>
 *   <li>Every operation is idempotent, because an event can be delivered again after a crash or a
 *       failed batch: starting a schedule is a signal-with-start that an open schedule takes as "apply
 *       these settings" (unchanged settings change nothing); a stop or a new configuration for a schedule
 *       that is not open is already done; a run is started with its own id as workflow id, and a second
 *       start of that id is refused by Temporal.</li>
 *   <li>A stop waits until the schedule has closed (terminating it if it does not close on request), so
 *       that a start following right behind it never lands in a closing execution.</li>
 *   <li>The settings a start applies are those in force at the started event, read from the agent's own
 *       events in the event store, so the handler keeps no state of its own.</li>
 *   <li>There is deliberately no reset handler, and the processor must never be replayed: replaying would
 *       re-issue past starts, stops and manual runs to Temporal. Repairing Temporal from the events is
 *       reconciliation's job.</li>
 * </ul>
 */
package dev.agentry.workflows.sync;
