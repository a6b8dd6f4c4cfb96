/**
 * The schedule of an agent: one entity workflow per agent ({@code agent-<agentId>}) that fires the agent's
 * cron in its timezone and starts each run as a child {@code AgentRunWorkflow}.
 *
 * <ul>
 *   <li>A scheduled run's id (and run workflow id) is {@code run-<agentId>-<fireTimeEpochSeconds>}; a manual
 *       run uses the id it was asked with. Children are started with REJECT_DUPLICATE, and a start that finds
 *       the id taken counts as already done (the run is only followed while it is still open), so a fire or
 *       a manual request never runs twice, whatever restarts or signal storms happen.</li>
 *   <li>At most one run is in progress. Another fire or manual request meanwhile is recorded as skipped
 *       (overlap SKIP) or waits, at most one, until the run ends (BUFFER_ONE).</li>
 *   <li>A fire handled more than {@link dev.agentry.workflows.schedule.DueFire#GRACE} after its time was
 *       missed. Catch-up SKIP drops missed fires and records nothing; RUN_ONCE runs the latest one once,
 *       with trigger CATCH_UP. Fires that fall into a pause, or before a reconfiguration, are not missed.</li>
 *   <li>Runs are abandoned children, so they outlive the execution that started them. The schedule continues
 *       as new after a number of wake-ups once no run is in progress, so that the run's end reaches it; when
 *       it must continue with a run still going, the next execution follows that run by polling its status
 *       ({@link dev.agentry.workflows.schedule.RunStatusActivities}).</li>
 * </ul>
 */
package dev.agentry.workflows.schedule;
