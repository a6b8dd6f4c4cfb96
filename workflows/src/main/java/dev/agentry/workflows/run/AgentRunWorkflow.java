package dev.agentry.workflows.run;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of an agent: the agent loop. The schedule workflow starts it as a child whose workflow id
 * is the run id, so starting the same run twice is rejected by Temporal.
 */
@WorkflowInterface
public interface AgentRunWorkflow {

    @WorkflowMethod
    RunOutcome run(RunRequest request);
}
