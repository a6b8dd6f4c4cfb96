package dev.agentry.workflows.schedule;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;

/** Run status from the test service's description of the run workflow. */
public final class DescribedRunStatus implements RunStatusActivities {

    private final WorkflowClient client;

    public DescribedRunStatus(WorkflowClient client) {
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
