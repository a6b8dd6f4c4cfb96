/**
 * One run of an agent: the agent loop ({@link dev.agentry.workflows.run.AgentRunWorkflowImpl}), workflow id = run id.
 *
 * <ul>
 *   <li>{@link dev.agentry.workflows.run.RunActivities#prepare} reads the agent as it is when the run begins;
 *       a deleted or unknown agent ends the run without a record, a tier no provider serves ends it as a
 *       PROVIDER_UNAVAILABLE failure.</li>
 *   <li>Each model call and each tool call is an activity, so a run resumed after a crash repeats none that
 *       completed. Model calls heartbeat; their failures carry the provider's classification as the failure
 *       type, hopeless kinds are not retried, and a server's retry-after is the next retry delay.</li>
 *   <li>Only the tools the agent allows are offered; a call to any other name is answered with an error
 *       result for the model to read, as is a tool that keeps failing. At most
 *       {@link dev.agentry.workflows.run.AgentLoop#MAX_LLM_CALLS} model calls, then the run fails as STEP_LIMIT.</li>
 *   <li>Token budgets: a run stops before a model call that would pass the agent's tokens per run and fails as
 *       BUDGET_EXCEEDED ({@link dev.agentry.workflows.run.RunTokenBudget}); a run prepared once the agent's runs
 *       of the day used its tokens per day is recorded as skipped with reason BUDGET, without a model call.</li>
 *   <li>Every ending after preparation is recorded (RecordAgentRun or RecordAgentFailure, idempotent per run
 *       id); the run workflow itself does not fail because the model did. The transcript is stored first and
 *       the outcome refers to it.</li>
 * </ul>
 */
package dev.agentry.workflows.run;
