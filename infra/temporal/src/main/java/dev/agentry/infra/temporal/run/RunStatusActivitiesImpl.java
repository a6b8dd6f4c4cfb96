package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.schedule.RunStatusActivities;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;

/** Answers from Temporal's own description of the run workflow. */
public class RunStatusActivitiesImpl implements RunStatusActivities {

    private final WorkflowClient client;

    public RunStatusActivitiesImpl(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public boolean isRunOpen(String runId) {
        try {
            return client.newUntypedWorkflowStub(runId).describe().getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        }
    }
}
