package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentScheduleWorkflowImpl;
import dev.agentry.workflows.schedule.AgentSchedules;
import dev.agentry.infra.temporal.run.RunStatusActivitiesImpl;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleSnapshot;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Temporal's in-process test service with the real schedule workflow on the platform's task queue, in
 * real time; schedules are started and inspected here by hand, "behind the platform's back".
 */
final class ScheduleService implements AutoCloseable {

    private final TestWorkflowEnvironment environment;

    private ScheduleService(TestWorkflowEnvironment environment) {
        this.environment = environment;
    }

    static ScheduleService start() {
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = environment.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentScheduleWorkflowImpl.class, IdleRunWorkflow.class);
        worker.registerActivitiesImplementations(new RunStatusActivitiesImpl(environment.getWorkflowClient()));
        environment.start();
        return new ScheduleService(environment);
    }

    WorkflowClient client() {
        return environment.getWorkflowClient();
    }

    /** A client of the same service whose calls are counted. */
    WorkflowClient clientCounting(TemporalCalls calls) {
        WorkflowServiceStubs counted = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions
                .newBuilder(environment.getWorkflowServiceStubs().getOptions())
                .setGrpcClientInterceptors(List.of(calls))
                .build());
        return WorkflowClient.newInstance(counted, client().getOptions());
    }

    /** Starts the schedule as the platform does (temporal-sync, a restore), its fingerprint in the memo. */
    void startScheduleAsThePlatformDoes(String agentId, ScheduleConfig config) {
        new AgentSchedules(client()).start(ScheduleState.startingNow(agentId, config));
    }

    /** Starts the schedule as the platform did before it kept the fingerprint in the memo. */
    void startSchedule(String agentId, ScheduleConfig config) {
        AgentScheduleWorkflow schedule = client().newWorkflowStub(AgentScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(agentId))
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                .build());
        WorkflowClient.start(schedule::run, ScheduleState.startingNow(agentId, config));
    }

    void terminateSchedule(String agentId) {
        client().newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).terminate("lost behind the platform's back");
    }

    ScheduleSnapshot describe(String agentId) {
        return client().newWorkflowStub(AgentScheduleWorkflow.class, AgentScheduleWorkflow.workflowIdFor(agentId)).describe();
    }

    Optional<WorkflowExecutionStatus> status(String agentId) {
        try {
            return Optional.of(client().newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).describe().getStatus());
        } catch (WorkflowNotFoundException notFound) {
            return Optional.empty();
        }
    }

    boolean isOpen(String agentId) {
        return status(agentId).filter(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING::equals).isPresent();
    }

    /** Ids of every open workflow, whatever its type. */
    Set<String> openWorkflowIds() {
        Set<String> ids = new TreeSet<>();
        client().getWorkflowServiceStubs().blockingStub().listOpenWorkflowExecutions(
                        ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(client().getOptions().getNamespace()).build())
                .getExecutionsList().forEach(execution -> ids.add(execution.getExecution().getWorkflowId()));
        return ids;
    }

    @Override
    public void close() {
        environment.close();
    }
}
