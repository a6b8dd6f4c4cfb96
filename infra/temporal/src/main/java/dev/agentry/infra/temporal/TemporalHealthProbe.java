package dev.agentry.infra.temporal;

import dev.agentry.workflows.health.TemporalHealth;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Asks Temporal for its system info, then its task queue's pollers, each within the deadline. */
class TemporalHealthProbe implements TemporalHealth {

    private final WorkflowClient client;

    TemporalHealthProbe(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public Status check(Duration timeout) {
        String namespace = client.getOptions().getNamespace();
        String taskQueue = AgentScheduleWorkflow.TASK_QUEUE;
        WorkflowServiceStubs stubs = client.getWorkflowServiceStubs();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            stubs.blockingStub().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        } catch (RuntimeException unreachable) {
            return new Status(false, namespace, taskQueue, null, null, reason(unreachable));
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
            DescribeTaskQueueResponse queue = stubs.blockingStub().withDeadlineAfter(left, TimeUnit.MILLISECONDS)
                    .describeTaskQueue(DescribeTaskQueueRequest.newBuilder().setNamespace(namespace)
                            .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                            .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                            .setReportStats(true)
                            .build());
            Long backlog = queue.hasTaskQueueStatus() ? queue.getTaskQueueStatus().getBacklogCountHint() : null;
            return new Status(true, namespace, taskQueue, queue.getPollersCount(), backlog, null);
        } catch (RuntimeException unsupported) {
            // the in-memory service does not implement DescribeTaskQueue
            return new Status(true, namespace, taskQueue, null, null, null);
        }
    }

    private static String reason(RuntimeException failure) {
        if (failure instanceof StatusRuntimeException grpc) {
            return "Temporal did not answer: " + grpc.getStatus().getCode();
        }
        return "Temporal did not answer";
    }
}
