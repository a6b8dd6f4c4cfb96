package dev.agentry.workflows.run;

import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.llm.ToolDefinition;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The run workflow on Temporal's test service with the LLM activity over a scripted model, and
 * tools and run activities that record what they were asked.
 */
final class RunBench implements AutoCloseable {

    /** Where {@code -Drecord.histories=true} writes the histories that the replay test replays. */
    static final Path HISTORIES = Path.of("src/test/resources/histories/run");
    static final Instant START = Instant.parse("2026-05-04T09:00:00Z");
    static final RunModel MODEL = new RunModel("test-model", "scripted", "scripted-model-v1", false);
    static final ToolDefinition CLOCK = new ToolDefinition("current_time", "The current time",
            "{\"type\":\"object\",\"properties\":{\"timezone\":{\"type\":\"string\"}}}");

    final ScriptedGateway model;
    final RecordingTools tools = new RecordingTools();
    final RecordingRunActivities runs;
    private final TestWorkflowEnvironment env;

    private RunBench(Function<RunRequest, PreparedRun> preparation) {
        runs = new RecordingRunActivities(preparation);
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
        model = new ScriptedGateway(() -> Instant.ofEpochMilli(env.currentTimeMillis()));
        Worker worker = env.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentRunWorkflowImpl.class);
        worker.registerActivitiesImplementations(new GatewayLlmActivities(model), tools, runs);
        env.start();
    }

    /** Every run finds the agent with these tools, served by {@link #MODEL}. */
    static RunBench withTools(ToolDefinition... offered) {
        return preparedAs(PreparedRun.ready("owner-1", "Report the time.", List.of(offered), MODEL));
    }

    static RunBench preparedAs(PreparedRun prepared) {
        return new RunBench(request -> prepared);
    }

    static RunRequest scheduledRun(String runId) {
        return new RunRequest("agent-1", runId, RunTrigger.SCHEDULE, START);
    }

    RunOutcome run(RunRequest request) {
        return env.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(request.runId())
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build())
                .run(request);
    }

    RunResult onlyOutcome() {
        List<RunResult> outcomes = runs.outcomes();
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one recorded outcome, got " + outcomes);
        }
        return outcomes.get(0);
    }

    /** The types of the activity tasks the run's history scheduled, in their order. */
    List<String> scheduledActivityTypes(String runId) {
        return env.getWorkflowClient().fetchHistory(runId).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
                .toList();
    }

    /** With {@code -Drecord.histories=true}, keeps the run's history for the replay test. */
    void recordHistory(String runId, String name) {
        if (!Boolean.getBoolean("record.histories")) {
            return;
        }
        try {
            Files.createDirectories(HISTORIES);
            Files.writeString(HISTORIES.resolve(name + ".json"), env.getWorkflowClient().fetchHistory(runId).toJson(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        env.close();
    }
}
