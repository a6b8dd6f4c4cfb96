package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;

/** Stands in for the agent loop where only the schedules matter: every run succeeds at once. */
public class IdleRunWorkflow implements AgentRunWorkflow {

    @Override
    public RunOutcome run(RunRequest request) {
        return new RunOutcome(request.runId(), true, "nothing to do");
    }
}
